package dev.binds.bench;

/**
 * One row of {@code bench_kv} as the hand-written baselines return it.
 *
 * @param created whether this call inserted it; {@code false} also where the statement cannot tell
 *                (MariaDB's {@code ON DUPLICATE KEY UPDATE … RETURNING})
 */
record Kv(long id, long k, long v, boolean created) {
}
