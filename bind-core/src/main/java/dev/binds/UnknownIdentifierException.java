package dev.binds;

/**
 * Thrown when a table or column name given to a row helper is not in the database's metadata. Names are never taken as raw SQL.
 *
 * @since 0.1.0
 */
public class UnknownIdentifierException extends BindException {

    public UnknownIdentifierException(String bindName, String message) {
        super(bindName, message);
    }

    public UnknownIdentifierException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
