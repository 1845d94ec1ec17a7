package dev.binds;

/**
 * Root of every failure Micronaut Bind reports. Unchecked, and each subclass is named after the
 * failure it stands for, so callers catch what they can handle and let the rest propagate.
 *
 * @since 0.1.0
 */
public abstract class BindException extends RuntimeException {

    private final String bindName;

    protected BindException(String bindName, String message, Throwable cause) {
        super(message, cause);
        this.bindName = bindName;
    }

    protected BindException(String bindName, String message) {
        this(bindName, message, null);
    }

    /**
     * @return the name of the bind the failure happened on, or {@code null} when it concerns no single bind
     */
    public String bindName() {
        return bindName;
    }
}
