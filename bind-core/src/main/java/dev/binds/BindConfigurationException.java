package dev.binds;

/**
 * Thrown when a bind's configuration is invalid; the message names the bind and the property and says what to do.
 *
 * @since 0.1.0
 */
public class BindConfigurationException extends BindException {

    public BindConfigurationException(String bindName, String message) {
        super(bindName, message);
    }

    public BindConfigurationException(String bindName, String message, Throwable cause) {
        super(bindName, message, cause);
    }
}
