package dev.binds;

/**
 * Thrown when a statement breaks a unique constraint (and the operation could not resolve it itself).
 *
 * @since 0.1.0
 */
public class UniqueViolationException extends StatementFailedException {

    public UniqueViolationException(String bindName, String message) {
        super(bindName, message);
    }

    public UniqueViolationException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
