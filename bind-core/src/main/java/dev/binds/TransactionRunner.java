package dev.binds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a callback as one transaction in a new session, re-running it on retryable failures. */
final class TransactionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionRunner.class);

    private final Bind bind;
    private final RetryPolicy policy;

    TransactionRunner(Bind bind, RetryPolicy policy) {
        this.bind = bind;
        this.policy = policy;
    }

    <R, X extends Exception> R run(SessionCallback<R, X> work) throws X {
        for (int attempt = 1; ; attempt++) {
            try (BindSession session = bind.openSession()) {
                return session.inTransaction(work);
            } catch (RetryableTransactionException e) {
                if (attempt >= policy.maxAttempts()) {
                    if (policy.maxAttempts() == 1) {
                        throw e;
                    }
                    throw new TransactionRetriesExhaustedException(bind.name(), "Bind '" + bind.name()
                            + "': transaction still failed after " + attempt + " attempts: " + e.getMessage(), e);
                }
                LOG.debug("Bind '{}': retrying transaction after attempt {}: {}", bind.name(), attempt, e.getMessage());
                pause(policy.backoffMillis(attempt));
            }
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
