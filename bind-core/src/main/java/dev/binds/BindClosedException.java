package dev.binds;

/**
 * Thrown when a bind, a manager or a session is used after it was closed.
 *
 * @since 0.1.0
 */
public class BindClosedException extends BindException {

    public BindClosedException(String bindName, String message) {
        super(bindName, message);
    }

    public BindClosedException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
