package dev.binds;

/**
 * Thrown when exactly one row was expected and there was none; the message names the table and the lookup columns.
 *
 * @since 0.1.0
 */
public class NoResultException extends BindException {

    public NoResultException(String bindName, String message) {
        super(bindName, message);
    }

    public NoResultException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
