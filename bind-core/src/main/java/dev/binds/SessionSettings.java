package dev.binds;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sessions of a bind behave: read-only, isolation level, statement timeout and fetch size.
 * Unset values ({@code null}) leave the database's or driver's default in place.
 *
 * @param readOnly         whether sessions are read-only; enforced by the database, not only a flag
 * @param isolation        the isolation level, or {@code null} for the database default
 * @param statementTimeout the longest a statement may run, or {@code null} for no limit
 * @param fetchSize        the JDBC fetch size hint, or {@code null} for the driver default
 * @since 0.1.0
 */
public record SessionSettings(boolean readOnly, Isolation isolation, Duration statementTimeout, Integer fetchSize) {

    /** Read-write, database default isolation, no timeout, driver fetch size. */
    public static final SessionSettings DEFAULTS = new SessionSettings(false, null, null, null);

    /** @return these settings, read-only */
    public SessionSettings asReadOnly() {
        return new SessionSettings(true, isolation, statementTimeout, fetchSize);
    }

    /** @param level the isolation level @return these settings with that level */
    public SessionSettings withIsolation(Isolation level) {
        return new SessionSettings(readOnly, level, statementTimeout, fetchSize);
    }

    /** @param timeout the statement timeout @return these settings with that timeout */
    public SessionSettings withStatementTimeout(Duration timeout) {
        return new SessionSettings(readOnly, isolation, timeout, fetchSize);
    }

    /** @param size the fetch size @return these settings with that fetch size */
    public SessionSettings withFetchSize(Integer size) {
        return new SessionSettings(readOnly, isolation, statementTimeout, size);
    }

    /** @return the statement timeout in whole seconds as JDBC wants it, rounded up; 0 for none */
    int timeoutSeconds() {
        if (statementTimeout == null || statementTimeout.isZero()) {
            return 0;
        }
        return (int) Math.max(1, (statementTimeout.toMillis() + 999) / 1000);
    }

    void validate(String bindName) {
        if (statementTimeout != null && statementTimeout.isNegative()) {
            throw new BindConfigurationException(bindName, "Bind '" + bindName
                    + "': binds." + bindName + ".session.statement-timeout must not be negative, was " + statementTimeout);
        }
        if (fetchSize != null && fetchSize < 0) {
            throw new BindConfigurationException(bindName, "Bind '" + bindName
                    + "': binds." + bindName + ".session.fetch-size must be 0 or more, was " + fetchSize);
        }
        Objects.requireNonNull(bindName);
    }
}
