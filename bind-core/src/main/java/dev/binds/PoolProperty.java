package dev.binds;

import com.zaxxer.hikari.HikariConfig;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The HikariCP settings a bind accepts under {@code pool.*}, each with its type and how it is
 * applied. Typed setters rather than HikariCP's reflective {@code Properties} constructor, so a bad
 * value fails with the bind's name and the key.
 */
enum PoolProperty {
    CONNECTION_TIMEOUT(Kind.DURATION, (c, v) -> c.setConnectionTimeout((Long) v)),
    VALIDATION_TIMEOUT(Kind.DURATION, (c, v) -> c.setValidationTimeout((Long) v)),
    IDLE_TIMEOUT(Kind.DURATION, (c, v) -> c.setIdleTimeout((Long) v)),
    KEEPALIVE_TIME(Kind.DURATION, (c, v) -> c.setKeepaliveTime((Long) v)),
    MAX_LIFETIME(Kind.DURATION, (c, v) -> c.setMaxLifetime((Long) v)),
    LEAK_DETECTION_THRESHOLD(Kind.DURATION, (c, v) -> c.setLeakDetectionThreshold((Long) v)),
    INITIALIZATION_FAIL_TIMEOUT(Kind.DURATION, (c, v) -> c.setInitializationFailTimeout((Long) v)),
    MAXIMUM_POOL_SIZE(Kind.INT, (c, v) -> c.setMaximumPoolSize((Integer) v)),
    MINIMUM_IDLE(Kind.INT, (c, v) -> c.setMinimumIdle((Integer) v)),
    CONNECTION_TEST_QUERY(Kind.STRING, (c, v) -> c.setConnectionTestQuery((String) v)),
    CONNECTION_INIT_SQL(Kind.STRING, (c, v) -> c.setConnectionInitSql((String) v)),
    CATALOG(Kind.STRING, (c, v) -> c.setCatalog((String) v)),
    SCHEMA(Kind.STRING, (c, v) -> c.setSchema((String) v)),
    TRANSACTION_ISOLATION(Kind.STRING, (c, v) -> c.setTransactionIsolation(hikariIsolation((String) v))),
    READ_ONLY(Kind.BOOLEAN, (c, v) -> c.setReadOnly((Boolean) v)),
    ISOLATE_INTERNAL_QUERIES(Kind.BOOLEAN, (c, v) -> c.setIsolateInternalQueries((Boolean) v)),
    ALLOW_POOL_SUSPENSION(Kind.BOOLEAN, (c, v) -> c.setAllowPoolSuspension((Boolean) v)),
    REGISTER_MBEANS(Kind.BOOLEAN, (c, v) -> c.setRegisterMbeans((Boolean) v)),
    EXCEPTION_OVERRIDE_CLASS_NAME(Kind.STRING, (c, v) -> c.setExceptionOverrideClassName((String) v)),
    DATA_SOURCE_CLASS_NAME(Kind.STRING, (c, v) -> c.setDataSourceClassName((String) v)),
    DATA_SOURCE_JNDI(Kind.STRING, (c, v) -> c.setDataSourceJNDI((String) v)),
    DATA_SOURCE_PROPERTIES(Kind.PREFIX, (c, v) -> { }),
    HEALTH_CHECK_PROPERTIES(Kind.PREFIX, (c, v) -> { });

    enum Kind { DURATION, INT, BOOLEAN, STRING, PREFIX }

    private final Kind kind;
    private final BiConsumer<HikariConfig, Object> applier;

    PoolProperty(Kind kind, BiConsumer<HikariConfig, Object> applier) {
        this.kind = kind;
        this.applier = applier;
    }

    /** @return the configuration key, kebab-case, as in {@code maximum-pool-size} */
    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Kind kind() {
        return kind;
    }

    void apply(HikariConfig config, Object parsed) {
        applier.accept(config, parsed);
    }

    /**
     * Converts a configured value to this property's type.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    Object parse(Object raw) {
        String text = String.valueOf(raw).trim();
        switch (kind) {
            case INT:
                if (raw instanceof Number n) {
                    return n.intValue();
                }
                try {
                    return Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a whole number, was '" + text + "'");
                }
            case BOOLEAN:
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(text);
                }
                throw new IllegalArgumentException("expected true or false, was '" + text + "'");
            case DURATION:
                return parseMillis(raw, text);
            case STRING:
                if (this == TRANSACTION_ISOLATION && Isolation.parse(text) == null) {
                    throw new IllegalArgumentException("expected one of read-uncommitted, read-committed, "
                            + "repeatable-read, serializable, was '" + text + "'");
                }
                return text;
            default:
                return text;
        }
    }

    private static String hikariIsolation(String text) {
        return Isolation.parse(text).hikariName();
    }

    /** Durations as milliseconds: a number is milliseconds; {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code PT30S}. */
    static long parseMillis(Object raw, String text) {
        if (raw instanceof Duration d) {
            return d.toMillis();
        }
        if (raw instanceof Number n) {
            return n.longValue();
        }
        try {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.startsWith("pt") || t.startsWith("-pt")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT)).toMillis();
            }
            if (t.endsWith("ms")) {
                return Long.parseLong(t.substring(0, t.length() - 2).trim());
            }
            if (t.endsWith("s")) {
                return Long.parseLong(t.substring(0, t.length() - 1).trim()) * 1000L;
            }
            if (t.endsWith("m")) {
                return Long.parseLong(t.substring(0, t.length() - 1).trim()) * 60_000L;
            }
            if (t.endsWith("h")) {
                return Long.parseLong(t.substring(0, t.length() - 1).trim()) * 3_600_000L;
            }
            return Long.parseLong(t);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration such as 30s, 500ms, 5m or a number of "
                    + "milliseconds, was '" + text + "'");
        }
    }

    /**
     * Finds the property for a key in kebab-case or camelCase.
     *
     * @return the property, or {@code null}
     */
    static PoolProperty forKey(String key) {
        String norm = normalize(key);
        for (PoolProperty p : values()) {
            if (p.key().equals(norm)) {
                return p;
            }
        }
        return null;
    }

    /** {@code maximumPoolSize}, {@code maximum_pool_size} and {@code maximum-pool-size} are one key. */
    static String normalize(String key) {
        StringBuilder out = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0 && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                out.append(Character.toLowerCase(ch));
            } else {
                out.append(ch == '_' ? '-' : ch);
            }
        }
        return out.toString();
    }
}
