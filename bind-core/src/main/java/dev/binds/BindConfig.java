package dev.binds;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything needed to open one named database: URL, credentials, driver, pool, session and
 * migration settings. Immutable; made with {@link #builder(String)} and checked by
 * {@link Builder#build()}, whose messages name the bind and the property. The password is never
 * shown: {@link #toString()} masks it, and so it is masked inside the URL.
 *
 * <pre>{@code
 * BindConfig orders = BindConfig.builder("orders")
 *         .url("jdbc:postgresql://localhost:5432/orders")
 *         .username("app").password(System.getenv("DB_PASSWORD"))
 *         .pool(Map.of("maximum-pool-size", 8))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BindConfig {

    /** Name of the primary bind: {@value}. */
    public static final String DEFAULT_NAME = "default";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    /** {@code jdbc:xxx://user:password@host}: user info before the host. */
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[a-z0-9]+(?::[a-z0-9]+)*://)([^/:@?;]*):([^@/?;]*)@");

    private final String name;
    private final String url;
    private final String username;
    private final String password;
    private final String driverClassName;
    private final boolean lazy;
    private final PoolSettings pool;
    private final SessionSettings session;
    private final MigrationSettings migrations;

    private BindConfig(Builder b) {
        this.name = b.name;
        this.url = b.url;
        this.username = b.username;
        this.password = b.password;
        this.driverClassName = b.driverClassName;
        this.lazy = b.lazy;
        this.pool = b.pool;
        this.session = b.session;
        this.migrations = b.migrations;
    }

    /**
     * @param name the bind's name: letters, digits, {@code _ . -}
     * @return a builder for a bind of that name
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder holding this configuration's values, to derive another from it */
    public Builder toBuilder() {
        return new Builder(name).url(url).username(username).password(password).driverClassName(driverClassName)
                .lazy(lazy).pool(pool).session(session).migrations(migrations);
    }

    public String name() {
        return name;
    }

    /** @return the JDBC URL as configured; show {@link #maskedUrl()} to people instead */
    public String url() {
        return url;
    }

    /** @return the JDBC URL with any password in it replaced by {@value Secrets#MASK} */
    public String maskedUrl() {
        return Secrets.maskUrl(url);
    }

    public String username() {
        return username;
    }

    /** @return the password; never log or show it */
    public String password() {
        return password;
    }

    /** @return the driver class, as configured or inferred from the URL */
    public String driverClassName() {
        return driverClassName;
    }

    /** @return whether the pool starts on first use instead of when the bind is created */
    public boolean lazy() {
        return lazy;
    }

    public PoolSettings pool() {
        return pool;
    }

    public SessionSettings session() {
        return session;
    }

    public MigrationSettings migrations() {
        return migrations;
    }

    /** @return the dialect the URL names */
    public Dialect dialect() {
        return Dialect.forUrl(url);
    }

    @Override
    public String toString() {
        return "BindConfig[name=" + name + ", url=" + maskedUrl() + ", username=" + username
                + ", password=" + (password == null ? "<none>" : Secrets.MASK) + ", driver=" + driverClassName
                + ", lazy=" + lazy + ", pool=" + pool + ", session=" + session + "]";
    }

    /**
     * Builds a {@link BindConfig}; {@link #build()} checks every value.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String name;
        private String url;
        private String username;
        private String password;
        private String driverClassName;
        private boolean lazy;
        private PoolSettings pool = PoolSettings.DEFAULTS;
        private SessionSettings session = SessionSettings.DEFAULTS;
        private MigrationSettings migrations = MigrationSettings.DEFAULTS;

        private Builder(String name) {
            this.name = name;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** @param driverClassName the driver; {@code null} to infer it from the URL */
        public Builder driverClassName(String driverClassName) {
            this.driverClassName = driverClassName;
            return this;
        }

        public Builder lazy(boolean lazy) {
            this.lazy = lazy;
            return this;
        }

        public Builder pool(PoolSettings pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /** @param settings HikariCP settings by key, checked as by {@link PoolSettings#of(String, Map)} */
        public Builder pool(Map<String, ?> settings) {
            return pool(PoolSettings.of(name, settings));
        }

        public Builder session(SessionSettings session) {
            this.session = Objects.requireNonNull(session, "session");
            return this;
        }

        public Builder migrations(MigrationSettings migrations) {
            this.migrations = Objects.requireNonNull(migrations, "migrations");
            return this;
        }

        /**
         * Takes {@code user:password@} out of the URL into the username and password (unless those are
         * set), so that no driver ever sees, or echoes in an error, a password inside a URL.
         */
        private void moveUrlCredentials() {
            java.util.regex.Matcher m = USER_INFO.matcher(url);
            if (m.find()) {
                String user = m.group(2);
                String pass = m.group(3);
                url = url.substring(0, m.start()) + m.group(1) + url.substring(m.end());
                if (username == null || username.isEmpty()) {
                    username = java.net.URLDecoder.decode(user, java.nio.charset.StandardCharsets.UTF_8);
                }
                if (password == null || password.isEmpty()) {
                    password = java.net.URLDecoder.decode(pass, java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }

        /**
         * @return the checked, immutable configuration
         * @throws BindConfigurationException naming the bind and the property that is wrong
         */
        public BindConfig build() {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new BindConfigurationException(name, "Bind name '" + name + "' is not valid: use letters, digits, "
                        + "'_', '.' and '-', starting with a letter or digit");
            }
            if (url == null || url.isBlank()) {
                throw new BindConfigurationException(name, "Bind '" + name + "': binds." + name + ".url is missing. "
                        + "Set it to a JDBC URL such as jdbc:postgresql://localhost:5432/" + name);
            }
            if (!url.startsWith("jdbc:")) {
                throw new BindConfigurationException(name, "Bind '" + name + "': binds." + name + ".url must be a JDBC "
                        + "URL starting with 'jdbc:', was '" + Secrets.scrub(url, password) + "'");
            }
            moveUrlCredentials();
            if (driverClassName == null || driverClassName.isBlank()) {
                driverClassName = Dialect.forUrl(url).driverClassName();
                if (driverClassName == null) {
                    throw new BindConfigurationException(name, "Bind '" + name + "': cannot infer the driver from "
                            + "binds." + name + ".url '" + Secrets.scrub(url, password) + "'. Set binds." + name
                            + ".driver-class-name");
                }
            }
            session.validate(name);
            return new BindConfig(this);
        }
    }
}
