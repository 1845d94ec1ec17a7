package dev.binds;

/**
 * Thrown when the migrations applied to a bind's database do not match the ones the code holds
 * (changed checksums, migrations missing from the code, a failed migration still recorded). It is a
 * {@link MigrationFailedException}, so callers of {@code sync()} catch both with one clause.
 *
 * @since 0.1.0
 */
public class MigrationValidationException extends MigrationFailedException {

    public MigrationValidationException(String bindName, String message) {
        super(bindName, message);
    }

    public MigrationValidationException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
