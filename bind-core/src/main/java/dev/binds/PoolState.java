package dev.binds;

/**
 * A snapshot of a bind's pool, for health checks and endpoints.
 *
 * @param active  connections lent to sessions
 * @param idle    connections ready in the pool
 * @param pending threads waiting for a connection
 * @param max     the most connections the pool will open
 * @since 0.1.0
 */
public record PoolState(int active, int idle, int pending, int max) {
}
