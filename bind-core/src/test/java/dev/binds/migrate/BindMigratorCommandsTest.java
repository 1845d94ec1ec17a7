package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.MigrationRefusedException;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.binds.migrate.MigrationBinds.bind;
import static dev.binds.migrate.MigrationBinds.history;
import static dev.binds.migrate.MigrationBinds.locations;
import static dev.binds.migrate.MigrationBinds.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** clean, baseline, placeholders and schemas, per the bind's settings. */
class BindMigratorCommandsTest {

    @EachDatabase
    void cleanIsRefusedByDefault(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase(); Bind shop = bind(db, "shop", locations("shop/v1"))) {
            BindMigrator migrator = BindMigrator.of(shop);
            migrator.sync();
            assertThatThrownBy(migrator::clean).isInstanceOf(MigrationRefusedException.class)
                    .hasMessage("Bind 'shop': clean() drops every object in the bind's schemas and is disabled. "
                            + "Set binds.shop.migrations.clean-enabled=true to allow it (never in production)")
                    .satisfies(e -> assertThat(((MigrationRefusedException) e).bindName()).isEqualTo("shop"));
            assertThat(tableExists(db, "items")).isTrue();
            assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
        }
    }

    @EachDatabase
    void cleanDropsEverythingWhenEnabled(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind shop = bind(db, "shop", locations("shop/v1", "shop/v2").withCleanEnabled(true))) {
            BindMigrator migrator = BindMigrator.of(shop);
            migrator.sync();
            migrator.clean();
            assertThat(tableExists(db, "items")).isFalse();
            assertThat(migrator.status().state()).isEqualTo(MigrationState.EMPTY);
            assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.CREATED, null, "2", 2));
        }
    }

    @EachDatabase
    void baselineAdoptsAnExistingDatabase(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                // the schema of release 1, made by hand before migrations were introduced
                s.execute("create table items (id int not null primary key, name varchar(100) not null)");
            }
            try (Bind shop = bind(db, "shop", locations("shop/v1", "shop/v2"))) {
                BindMigrator migrator = BindMigrator.of(shop);
                assertThatThrownBy(() -> migrator.baseline("x.y")).isInstanceOf(IllegalArgumentException.class);
                migrator.baseline("1");
                MigrationStatus status = migrator.status();
                assertThat(status.state()).isEqualTo(MigrationState.UPGRADE_AVAILABLE);
                assertThat(status.currentVersion()).isEqualTo("1");
                assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.UPGRADED, "1", "2", 1));
            }
            assertThat(history(db, "flyway_schema_history")).containsExactly("1:true", "2:true");
        }
    }

    @EachDatabase
    void baselineOnMigrateUsesTheConfiguredVersion(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("create table items (id int not null primary key, name varchar(100) not null)");
            }
            try (Bind shop = bind(db, "shop", locations("shop/v1", "shop/v2").withBaselineOnMigrate(true, "1"))) {
                assertThat(BindMigrator.of(shop).sync()).isEqualTo(new SyncResult(SyncOutcome.UPGRADED, "1", "2", 1));
            }
        }
    }

    @EachDatabase
    void placeholdersAreReplaced(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase(); Bind b = bind(db, "named",
                locations("placeholders").withPlaceholders(Map.of("table_name", "from_placeholder")))) {
            BindMigrator.of(b).sync();
            assertThat(tableExists(db, "from_placeholder")).isTrue();
        }
    }

    /** Schemas are separate namespaces on PostgreSQL and H2 (on MariaDB a schema is a database). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRES"})
    void schemasHoldTheHistoryAndTheTables(DatabaseKind kind) throws SQLException {
        String schema = kind == DatabaseKind.H2 ? "SALES" : "sales";
        try (IsolatedDatabase db = kind.createDatabase();
             Bind b = bind(db, "sales", locations("other").withSchemas(List.of(schema)))) {
            BindMigrator migrator = BindMigrator.of(b);
            assertThat(migrator.sync().outcome()).isEqualTo(SyncOutcome.CREATED);
            assertThat(MigrationBinds.count(db, "select count(*) from " + schema + ".notes")).isZero();
            assertThat(tableExists(db, "notes")).isFalse(); // not in the default schema
            assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
        }
    }
}
