package dev.binds;

/**
 * Thrown when the database rejects a statement; the message names the bind, the statement and the database's own message and SQLState.
 *
 * @since 0.1.0
 */
public class StatementFailedException extends BindException {

    public StatementFailedException(String bindName, String message) {
        super(bindName, message);
    }

    public StatementFailedException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
