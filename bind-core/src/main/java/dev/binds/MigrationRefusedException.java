package dev.binds;

/**
 * Thrown when a bind's migrator refuses an operation its configuration does not allow: {@code clean()}
 * without {@code binds.<name>.migrations.clean-enabled}, or any explicit migration command on a bind whose
 * migrations are disabled. The message names the bind and the property to set.
 *
 * @since 0.1.0
 */
public class MigrationRefusedException extends BindException {

    public MigrationRefusedException(String bindName, String message) {
        super(bindName, message);
    }

    public MigrationRefusedException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
