package dev.binds;

/**
 * Thrown for a serialization failure or deadlock: the transaction was rolled back by the database and may succeed if run again. See {@link RetryPolicy}.
 *
 * @since 0.1.0
 */
public class RetryableTransactionException extends StatementFailedException {

    public RetryableTransactionException(String bindName, String message) {
        super(bindName, message);
    }

    public RetryableTransactionException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
