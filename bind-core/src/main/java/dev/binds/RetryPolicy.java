package dev.binds;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently {@link Bind#inTransaction(RetryPolicy, SessionCallback)} re-runs a
 * transaction that failed with a serialization failure or deadlock (PostgreSQL 40001 / 40P01,
 * MariaDB 1213 / 40001), as CockroachDB and YugabyteDB require of clients. The whole callback runs
 * again in a new session, after an exponential backoff with jitter.
 *
 * @param maxAttempts    how many times the callback may run in all (1 means no retry)
 * @param initialBackoff the pause before the second attempt
 * @param maxBackoff     the longest pause between attempts
 * @since 0.1.0
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Run once, never retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }

    /**
     * @param maxAttempts how many times the callback may run in all
     * @return a policy with backoff from 10 ms up to 1 s
     */
    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(10), Duration.ofSeconds(1));
    }

    /** @return the pause before attempt {@code attempt + 1}, doubled each time, with full jitter */
    long backoffMillis(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
        return capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2, capped + 1);
    }
}
