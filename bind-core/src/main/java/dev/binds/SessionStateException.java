package dev.binds;

/**
 * Thrown when a session is used in a way its state does not allow (for example releasing a savepoint of another session).
 *
 * @since 0.1.0
 */
public class SessionStateException extends BindException {

    public SessionStateException(String bindName, String message) {
        super(bindName, message);
    }

    public SessionStateException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
