package dev.binds.micronaut;

import dev.binds.BindConfig;
import dev.binds.BindConfigurationException;
import dev.binds.Isolation;
import dev.binds.MigrationSettings;
import dev.binds.Secrets;
import dev.binds.SessionSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.Named;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.util.Toggleable;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One bind as configured under {@code binds.<name>} in {@code application.yml}: URL, credentials,
 * driver, the {@code pool.*} settings (every HikariCP setting), {@code session.*},
 * {@code migrations.*}, {@code request.*} and {@code health.*}. The bind named {@value BindConfig#DEFAULT_NAME} is the
 * primary one. Values are checked, with the bind and the property named, when
 * {@link #toBindConfig()} turns them into a {@link BindConfig} at start-up.
 *
 * <pre>{@code
 * binds:
 *   secondary:
 *     url: jdbc:postgresql://localhost:5432/orders
 *     username: app
 *     password: ${DB_PASSWORD}
 *     pool:
 *       maximum-pool-size: 8
 *     session:
 *       isolation: read-committed
 * }</pre>
 *
 * @since 0.1.0
 */
@EachProperty(value = BindConfiguration.PREFIX, primary = BindConfig.DEFAULT_NAME)
public final class BindConfiguration implements Toggleable, Named {

    /** The configuration prefix: {@value}. */
    public static final String PREFIX = "binds";
    /** Whether a configured bind is enabled unless it says otherwise: {@value}. */
    public static final boolean DEFAULT_ENABLED = true;
    /** Whether a bind's pool waits for its first use: {@value}. */
    public static final boolean DEFAULT_LAZY = false;

    private final String name;
    private String url;
    private String username;
    private String password;
    private String driverClassName;
    private boolean enabled = DEFAULT_ENABLED;
    private boolean lazy = DEFAULT_LAZY;
    private Map<String, Object> pool = Map.of();
    private SessionConfiguration session;
    private MigrationsConfiguration migrations;
    private RequestConfiguration request;
    private HealthConfiguration health;

    /**
     * @param name the bind's name, the key under {@code binds}
     */
    public BindConfiguration(@Parameter String name) {
        this.name = name;
        this.session = new SessionConfiguration(name);
        this.migrations = new MigrationsConfiguration(name);
        this.request = new RequestConfiguration(name);
        this.health = new HealthConfiguration(name);
    }

    @Override
    public String getName() {
        return name;
    }

    /** @return the JDBC URL */
    public @Nullable String getUrl() {
        return url;
    }

    /** @param url the JDBC URL, for example jdbc:postgresql://localhost:5432/app */
    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUsername() {
        return username;
    }

    /** @param username the database user */
    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    /** @return the password; never log or show it */
    public @Nullable String getPassword() {
        return password;
    }

    /** @param password the database password; use a placeholder such as ${DB_PASSWORD}, never a literal */
    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getDriverClassName() {
        return driverClassName;
    }

    /** @param driverClassName the JDBC driver class; inferred from the URL when not set */
    public void setDriverClassName(@Nullable String driverClassName) {
        this.driverClassName = driverClassName;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled false to keep the bind configured without creating it; default true */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isLazy() {
        return lazy;
    }

    /** @param lazy true to start the pool on first use instead of at start-up; default false */
    public void setLazy(boolean lazy) {
        this.lazy = lazy;
    }

    /** @return the HikariCP settings, keys as written (kebab-case), nested keys joined with dots */
    public Map<String, Object> getPool() {
        return pool;
    }

    /**
     * @param pool any HikariCP setting in kebab-case (maximum-pool-size: 8, connection-timeout: 5s,
     *             data-source-properties.cachePrepStmts: true), checked at start-up
     */
    public void setPool(@MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
                        Map<String, Object> pool) {
        this.pool = pool == null ? Map.of() : pool;
    }

    public SessionConfiguration getSession() {
        return session;
    }

    /** @param session how the bind's sessions behave */
    public void setSession(SessionConfiguration session) {
        this.session = session;
    }

    public MigrationsConfiguration getMigrations() {
        return migrations;
    }

    /** @param migrations the bind's Flyway migrations */
    public void setMigrations(MigrationsConfiguration migrations) {
        this.migrations = migrations;
    }

    public RequestConfiguration getRequest() {
        return request;
    }

    /** @param request how the bind's request-scoped session ends */
    public void setRequest(RequestConfiguration request) {
        this.request = request;
    }

    public HealthConfiguration getHealth() {
        return health;
    }

    /** @param health how the bind takes part in the application's health */
    public void setHealth(HealthConfiguration health) {
        this.health = health;
    }

    /**
     * @return the checked, immutable bind-core configuration
     * @throws BindConfigurationException naming the bind and the property when a value is missing or wrong
     */
    public BindConfig toBindConfig() {
        return BindConfig.builder(name)
                .url(url)
                .username(username)
                .password(password)
                .driverClassName(driverClassName)
                .lazy(lazy)
                .pool(pool)
                .session(session.toSettings())
                .migrations(migrations.toSettings())
                .build();
    }

    @Override
    public String toString() {
        return "BindConfiguration[name=" + name + ", url=" + Secrets.maskUrl(url) + ", username=" + username
                + ", password=" + (password == null ? "<none>" : Secrets.MASK) + ", enabled=" + enabled
                + ", lazy=" + lazy + ", pool=" + pool.keySet() + "]";
    }

    /**
     * {@code binds.<name>.session.*}: how the bind's sessions behave.
     *
     * @since 0.1.0
     */
    @ConfigurationProperties("session")
    public static final class SessionConfiguration {

        private final String bindName;
        private boolean readOnly;
        private String isolation;
        private Duration statementTimeout;
        private Integer fetchSize;

        /** @param bindName the bind's name */
        public SessionConfiguration(@Parameter String bindName) {
            this.bindName = bindName;
        }

        public boolean isReadOnly() {
            return readOnly;
        }

        /** @param readOnly whether sessions are read-only, enforced by the database; default false */
        public void setReadOnly(boolean readOnly) {
            this.readOnly = readOnly;
        }

        public @Nullable String getIsolation() {
            return isolation;
        }

        /**
         * @param isolation read-uncommitted, read-committed, repeatable-read or serializable; the database's
         *                  default when not set
         */
        public void setIsolation(@Nullable String isolation) {
            this.isolation = isolation;
        }

        public @Nullable Duration getStatementTimeout() {
            return statementTimeout;
        }

        /** @param statementTimeout the longest a statement may run, for example 30s; no limit when not set */
        public void setStatementTimeout(@Nullable Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
        }

        public @Nullable Integer getFetchSize() {
            return fetchSize;
        }

        /** @param fetchSize the JDBC fetch size hint; the driver's default when not set */
        public void setFetchSize(@Nullable Integer fetchSize) {
            this.fetchSize = fetchSize;
        }

        SessionSettings toSettings() {
            Isolation level = null;
            if (isolation != null && !isolation.isBlank()) {
                level = Isolation.parse(isolation);
                if (level == null) {
                    throw new BindConfigurationException(bindName, "Bind '" + bindName + "': binds." + bindName
                            + ".session.isolation '" + isolation + "' is not an isolation level: use read-uncommitted, "
                            + "read-committed, repeatable-read or serializable");
                }
            }
            return new SessionSettings(readOnly, level, statementTimeout, fetchSize);
        }
    }

    /**
     * {@code binds.<name>.migrations.*}: the bind's Flyway migrations, run at start-up.
     *
     * @since 0.1.0
     */
    @ConfigurationProperties("migrations")
    public static final class MigrationsConfiguration {

        /** Whether the bind is migrated when the application starts: {@value}. */
        public static final boolean DEFAULT_SYNC_AT_START = true;

        private final String bindName;
        private Boolean enabled;
        private List<String> locations = List.of();
        private List<String> schemas = List.of();
        private String table = MigrationSettings.DEFAULT_TABLE;
        private Map<String, String> placeholders = Map.of();
        private boolean baselineOnMigrate;
        private String baselineVersion = MigrationSettings.DEFAULT_BASELINE_VERSION;
        private boolean validateOnMigrate = true;
        private boolean cleanEnabled;
        private boolean syncAtStart = DEFAULT_SYNC_AT_START;

        /** @param bindName the bind's name */
        public MigrationsConfiguration(@Parameter String bindName) {
            this.bindName = bindName;
        }

        public @Nullable Boolean getEnabled() {
            return enabled;
        }

        /** @param enabled whether migrations run; when not set, they run if the locations hold scripts */
        public void setEnabled(@Nullable Boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getLocations() {
            return locations;
        }

        /** @param locations where the scripts are; classpath:db/BIND-NAME when not set */
        public void setLocations(List<String> locations) {
            this.locations = locations == null ? List.of() : locations;
        }

        public List<String> getSchemas() {
            return schemas;
        }

        /** @param schemas the schemas Flyway manages; the connection's default when not set */
        public void setSchemas(List<String> schemas) {
            this.schemas = schemas == null ? List.of() : schemas;
        }

        public String getTable() {
            return table;
        }

        /** @param table the schema history table; default flyway_schema_history */
        public void setTable(String table) {
            this.table = table;
        }

        public Map<String, String> getPlaceholders() {
            return placeholders;
        }

        /** @param placeholders values for the ${name} placeholders in the scripts */
        public void setPlaceholders(@MapFormat(transformation = MapFormat.MapTransformation.FLAT,
                keyFormat = StringConvention.RAW) Map<String, String> placeholders) {
            this.placeholders = placeholders == null ? Map.of() : placeholders;
        }

        public boolean isBaselineOnMigrate() {
            return baselineOnMigrate;
        }

        /** @param baselineOnMigrate whether a non-empty database without history is baselined; default false */
        public void setBaselineOnMigrate(boolean baselineOnMigrate) {
            this.baselineOnMigrate = baselineOnMigrate;
        }

        public String getBaselineVersion() {
            return baselineVersion;
        }

        /** @param baselineVersion the version a baseline records; default 1 */
        public void setBaselineVersion(String baselineVersion) {
            this.baselineVersion = baselineVersion;
        }

        public boolean isValidateOnMigrate() {
            return validateOnMigrate;
        }

        /** @param validateOnMigrate whether applied scripts are checked against the code first; default true */
        public void setValidateOnMigrate(boolean validateOnMigrate) {
            this.validateOnMigrate = validateOnMigrate;
        }

        public boolean isCleanEnabled() {
            return cleanEnabled;
        }

        /** @param cleanEnabled whether clean may drop every object in the schemas; for tests only; default false */
        public void setCleanEnabled(boolean cleanEnabled) {
            this.cleanEnabled = cleanEnabled;
        }

        public boolean isSyncAtStart() {
            return syncAtStart;
        }

        /**
         * @param syncAtStart false to leave the database as it is when the application starts (a lazy bind: when
         *                    its bean is first created), for migrations run by the command line, the management
         *                    endpoint or a job; default true. The command line's environment sets it to false.
         */
        public void setSyncAtStart(boolean syncAtStart) {
            this.syncAtStart = syncAtStart;
        }

        MigrationSettings toSettings() {
            return new MigrationSettings(enabled, locations, schemas, table, placeholders, baselineOnMigrate,
                    baselineVersion, validateOnMigrate, cleanEnabled);
        }

        @Override
        public String toString() {
            return "MigrationsConfiguration[" + bindName + "]";
        }
    }

    /**
     * {@code binds.<name>.request.*}: how the bind's request-scoped session ends.
     *
     * @since 0.1.0
     */
    @ConfigurationProperties("request")
    public static final class RequestConfiguration {

        /** Responses with these statuses roll the request's transaction back: {@value}. */
        public static final String DEFAULT_ROLLBACK_ON = "4xx,5xx";

        private final String bindName;
        private List<String> rollbackOn = List.of("4xx", "5xx");

        /** @param bindName the bind's name */
        public RequestConfiguration(@Parameter String bindName) {
            this.bindName = bindName;
        }

        public List<String> getRollbackOn() {
            return rollbackOn;
        }

        /**
         * @param rollbackOn the response statuses that roll back instead of committing: classes such as 4xx,
         *                   ranges such as 500-599, or single codes such as 409; default 4xx,5xx. A handler that
         *                   throws always rolls back.
         */
        public void setRollbackOn(List<String> rollbackOn) {
            this.rollbackOn = rollbackOn == null ? List.of() : rollbackOn;
        }

        String bindName() {
            return bindName;
        }
    }

    /**
     * {@code binds.<name>.health.*}: how the bind takes part in the application's health
     * ({@code /health}): whether it is checked, and whether its being down takes the application down.
     *
     * @since 0.1.0
     */
    @ConfigurationProperties("health")
    public static final class HealthConfiguration implements Toggleable {

        /** Whether the bind is checked by the health endpoint: {@value}. */
        public static final boolean DEFAULT_ENABLED = true;
        /** Whether the bind being down takes the application's health down: {@value}. */
        public static final boolean DEFAULT_CRITICAL = true;
        /** The longest a check of the bind may take before it counts as down: 3 seconds. */
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

        private final String bindName;
        private boolean enabled = DEFAULT_ENABLED;
        private boolean critical = DEFAULT_CRITICAL;
        private Duration timeout = DEFAULT_TIMEOUT;

        /** @param bindName the bind's name */
        public HealthConfiguration(@Parameter String bindName) {
            this.bindName = bindName;
        }

        @Override
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled false to leave the bind out of the health endpoint; default true */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isCritical() {
            return critical;
        }

        /**
         * @param critical false for a bind the application can serve without: when it is down it shows DOWN in
         *                 its own details while the application stays UP; default true
         */
        public void setCritical(boolean critical) {
            this.critical = critical;
        }

        public Duration getTimeout() {
            return timeout;
        }

        /**
         * @param timeout the longest a check (a pool connection, its validation, the migration status) may take
         *                before the bind counts as down; default 3s
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** @throws BindConfigurationException naming the bind and the property when a value is wrong */
        void check() {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new BindConfigurationException(bindName, "Bind '" + bindName + "': binds." + bindName
                        + ".health.timeout must be a positive duration such as 3s, was " + timeout);
            }
        }

        @Override
        public String toString() {
            return "HealthConfiguration[" + bindName + ", enabled=" + enabled + ", critical=" + critical
                    + ", timeout=" + timeout + "]";
        }
    }
}
