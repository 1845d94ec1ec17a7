package dev.binds;

import java.sql.Connection;
import java.util.Locale;

/**
 * Transaction isolation levels a session may ask for. Parsed leniently from configuration:
 * {@code read-committed}, {@code READ_COMMITTED} and {@code TRANSACTION_READ_COMMITTED} are the same.
 *
 * @since 0.1.0
 */
public enum Isolation {
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    Isolation(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** @return the {@link Connection} constant for this level */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** @return the name HikariCP's {@code transactionIsolation} setting expects */
    public String hikariName() {
        return "TRANSACTION_" + name();
    }

    /**
     * Parses a configured value.
     *
     * @param value the configured text
     * @return the level, or {@code null} when the text names none
     */
    public static Isolation parse(String value) {
        String norm = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (norm.startsWith("TRANSACTION_")) {
            norm = norm.substring("TRANSACTION_".length());
        }
        for (Isolation level : values()) {
            if (level.name().equals(norm)) {
                return level;
            }
        }
        return null;
    }
}
