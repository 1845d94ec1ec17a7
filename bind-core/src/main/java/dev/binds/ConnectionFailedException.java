package dev.binds;

/**
 * Thrown when a bind cannot open or borrow a connection: the database is unreachable, refuses the
 * credentials, or the pool timed out. The message names the bind and its URL, passwords masked.
 *
 * @since 0.1.0
 */
public class ConnectionFailedException extends BindException {

    public ConnectionFailedException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
