package dev.binds;

/**
 * Thrown when a bind is looked up by a name that is not configured; the message lists the configured names.
 *
 * @since 0.1.0
 */
public class NoSuchBindException extends BindException {

    public NoSuchBindException(String bindName, String message) {
        super(bindName, message);
    }

    public NoSuchBindException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
