package dev.binds;

/**
 * Thrown when a migration of a bind fails; the message names the bind, the version, the script and the database's own message.
 *
 * @since 0.1.0
 */
public class MigrationFailedException extends BindException {

    public MigrationFailedException(String bindName, String message) {
        super(bindName, message);
    }

    public MigrationFailedException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
