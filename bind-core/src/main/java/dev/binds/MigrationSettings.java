package dev.binds;

import java.util.List;
import java.util.Map;

/**
 * How a bind's schema is migrated (by {@code dev.binds.migrate.BindMigrator}, on Flyway).
 *
 * @param enabled           {@code TRUE} or {@code FALSE}; {@code null} means "when the locations hold scripts"
 * @param locations         where migrations are found; empty means {@code classpath:db/<bind-name>}
 * @param schemas           the schemas Flyway manages; empty means the connection's default
 * @param table             the schema history table
 * @param placeholders      placeholder values for SQL scripts
 * @param baselineOnMigrate whether a non-empty database without history is baselined
 * @param baselineVersion   the version a baseline records
 * @param validateOnMigrate whether applied scripts are validated (checksums) before migrating
 * @param cleanEnabled      whether {@code clean()} may drop every object; off unless set
 * @since 0.1.0
 */
public record MigrationSettings(Boolean enabled, List<String> locations, List<String> schemas, String table,
                                Map<String, String> placeholders, boolean baselineOnMigrate, String baselineVersion,
                                boolean validateOnMigrate, boolean cleanEnabled) {

    /** Default schema history table: {@value}. */
    public static final String DEFAULT_TABLE = "flyway_schema_history";
    /** Default baseline version: {@value}. */
    public static final String DEFAULT_BASELINE_VERSION = "1";

    /** Migrations found in {@code classpath:db/<bind-name>}, enabled when scripts are there. */
    public static final MigrationSettings DEFAULTS = new MigrationSettings(null, List.of(), List.of(), DEFAULT_TABLE,
            Map.of(), false, DEFAULT_BASELINE_VERSION, true, false);

    public MigrationSettings {
        locations = List.copyOf(locations == null ? List.of() : locations);
        schemas = List.copyOf(schemas == null ? List.of() : schemas);
        placeholders = Map.copyOf(placeholders == null ? Map.of() : placeholders);
        table = table == null || table.isBlank() ? DEFAULT_TABLE : table;
        baselineVersion = baselineVersion == null || baselineVersion.isBlank() ? DEFAULT_BASELINE_VERSION : baselineVersion;
    }

    /**
     * @param bindName the bind's name
     * @return the configured locations, or {@code classpath:db/<bind-name>}
     */
    public List<String> locationsFor(String bindName) {
        return locations.isEmpty() ? List.of("classpath:db/" + bindName) : locations;
    }

    /** @param on whether migrations run @return a copy with that switch */
    public MigrationSettings withEnabled(Boolean on) {
        return new MigrationSettings(on, locations, schemas, table, placeholders, baselineOnMigrate, baselineVersion,
                validateOnMigrate, cleanEnabled);
    }

    /** @param where the locations @return a copy with those locations */
    public MigrationSettings withLocations(List<String> where) {
        return new MigrationSettings(enabled, where, schemas, table, placeholders, baselineOnMigrate, baselineVersion,
                validateOnMigrate, cleanEnabled);
    }

    /** @param names the schemas @return a copy managing those schemas */
    public MigrationSettings withSchemas(List<String> names) {
        return new MigrationSettings(enabled, locations, names, table, placeholders, baselineOnMigrate, baselineVersion,
                validateOnMigrate, cleanEnabled);
    }

    /** @param name the history table @return a copy with that table */
    public MigrationSettings withTable(String name) {
        return new MigrationSettings(enabled, locations, schemas, name, placeholders, baselineOnMigrate, baselineVersion,
                validateOnMigrate, cleanEnabled);
    }

    /** @param values the placeholders @return a copy with those placeholders */
    public MigrationSettings withPlaceholders(Map<String, String> values) {
        return new MigrationSettings(enabled, locations, schemas, table, values, baselineOnMigrate, baselineVersion,
                validateOnMigrate, cleanEnabled);
    }

    /** @param on baseline on migrate @param version the baseline version @return a copy */
    public MigrationSettings withBaselineOnMigrate(boolean on, String version) {
        return new MigrationSettings(enabled, locations, schemas, table, placeholders, on, version,
                validateOnMigrate, cleanEnabled);
    }

    /** @param on validate on migrate @return a copy */
    public MigrationSettings withValidateOnMigrate(boolean on) {
        return new MigrationSettings(enabled, locations, schemas, table, placeholders, baselineOnMigrate, baselineVersion,
                on, cleanEnabled);
    }

    /** @param on whether clean is allowed @return a copy */
    public MigrationSettings withCleanEnabled(boolean on) {
        return new MigrationSettings(enabled, locations, schemas, table, placeholders, baselineOnMigrate, baselineVersion,
                validateOnMigrate, on);
    }
}
