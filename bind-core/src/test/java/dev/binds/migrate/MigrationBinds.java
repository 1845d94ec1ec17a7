package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.BindConfig;
import dev.binds.MigrationSettings;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.IsolatedDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds with migration settings on isolated test databases, and a look at their schema history. */
final class MigrationBinds {

    static final String ROOT = "classpath:db/migrate/";

    private MigrationBinds() {
    }

    /** Migrations enabled, from {@code db/migrate/<location>} for each location given. */
    static MigrationSettings locations(String... locations) {
        return MigrationSettings.DEFAULTS.withEnabled(true)
                .withLocations(Arrays.stream(locations).map(l -> l.contains(":") ? l : ROOT + l).toList());
    }

    static Bind bind(IsolatedDatabase db, String name, MigrationSettings migrations) {
        return Bind.create(config(db, name, migrations).build());
    }

    static BindConfig.Builder config(IsolatedDatabase db, String name, MigrationSettings migrations) {
        return BindConfig.builder(name).url(db.jdbcUrl()).username(db.username()).password(db.password())
                .pool(Map.of("minimum-idle", 0, "maximum-pool-size", 4, "connection-timeout", "20s"))
                .migrations(migrations);
    }

    /** Rows Flyway adds for itself: on H2 it records the history table's creation (type TABLE). */
    private static final Set<String> MARKERS = Set.of("TABLE", "SCHEMA");

    /** The migrations recorded in {@code table}, in installed order, as {@code version:success}; markers left out. */
    static List<String> history(IsolatedDatabase db, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        // Flyway creates the table and its columns with quoted lower-case names (H2 upper-cases unquoted ones)
        String q = db.kind() == DatabaseKind.MARIADB ? "`" : "\"";
        String sql = "select " + q + "version" + q + ", " + q + "success" + q + ", " + q + "type" + q + " from " + q + table + q
                + " order by " + q + "installed_rank" + q;
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (!MARKERS.contains(rs.getString(3))) {
                    rows.add(rs.getString(1) + ":" + rs.getBoolean(2));
                }
            }
        }
        return rows;
    }

    static long count(IsolatedDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether {@code table} exists in the database's default schema, in any letter case. */
    static boolean tableExists(IsolatedDatabase db, String table) throws SQLException {
        try (Connection c = db.connect()) {
            for (String name : List.of(table, table.toUpperCase(), table.toLowerCase())) {
                try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), name, null)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
