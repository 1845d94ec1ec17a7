package dev.binds;

/**
 * Thrown when exactly one row was expected and there were several; the message names the table and the lookup columns.
 *
 * @since 0.1.0
 */
public class NonUniqueResultException extends BindException {

    public NonUniqueResultException(String bindName, String message) {
        super(bindName, message);
    }

    public NonUniqueResultException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
