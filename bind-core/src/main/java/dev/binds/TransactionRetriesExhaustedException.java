package dev.binds;

/**
 * Thrown when a transaction still fails with a retryable error after the last attempt allowed by its {@link RetryPolicy}.
 *
 * @since 0.1.0
 */
public class TransactionRetriesExhaustedException extends BindException {

    public TransactionRetriesExhaustedException(String bindName, String message) {
        super(bindName, message);
    }

    public TransactionRetriesExhaustedException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
