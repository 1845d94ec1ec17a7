package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.MigrationFailedException;
import dev.binds.MigrationSettings;
import dev.binds.MigrationValidationException;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;

import java.sql.SQLException;
import java.util.Map;

import static dev.binds.migrate.MigrationBinds.bind;
import static dev.binds.migrate.MigrationBinds.history;
import static dev.binds.migrate.MigrationBinds.locations;
import static dev.binds.migrate.MigrationBinds.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * status() and sync() through every state, on each database: the code of successive releases is
 * modelled by growing lists of locations (v1, then v1+v2, …) over one database.
 */
class BindMigratorStatusTest {

    private static final String TABLE = MigrationSettings.DEFAULT_TABLE;

    @EachDatabase
    void emptyThenCreatedThenUpToDate(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase(); Bind shop = bind(db, "shop", locations("shop/v1"))) {
            BindMigrator migrator = BindMigrator.of(shop);
            assertThat(migrator.isEnabled()).isTrue();

            MigrationStatus empty = migrator.status();
            assertThat(empty.state()).isEqualTo(MigrationState.EMPTY);
            assertThat(empty.currentVersion()).isNull();
            assertThat(empty.latestVersion()).isEqualTo("1");
            assertThat(empty.pending()).isEqualTo(1);
            assertThat(empty.isReady()).isFalse();

            SyncResult created = migrator.sync();
            assertThat(created).isEqualTo(new SyncResult(SyncOutcome.CREATED, null, "1", 1));

            MigrationStatus upToDate = migrator.status();
            assertThat(upToDate).isEqualTo(new MigrationStatus(MigrationState.UP_TO_DATE, "1", "1", 0,
                    "Bind 'shop': up to date at version 1"));
            assertThat(upToDate.isReady()).isTrue();
            assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.ALREADY_UP_TO_DATE, "1", "1", 0));
            assertThat(history(db, TABLE)).containsExactly("1:true");
            String name = shop.withSession(s -> s.queryOne("select name from items where id = 1")
                    .orElseThrow().getString("name"));
            assertThat(name).isEqualTo("first");
        }
    }

    @EachDatabase
    void newScriptsAreAnUpgradeThenUpgraded(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase()) {
            try (Bind release1 = bind(db, "shop", locations("shop/v1"))) {
                assertThat(BindMigrator.of(release1).sync().outcome()).isEqualTo(SyncOutcome.CREATED);
            }
            try (Bind release3 = bind(db, "shop", locations("shop/v1", "shop/v2", "shop/v3"))) {
                BindMigrator migrator = BindMigrator.of(release3);
                MigrationStatus available = migrator.status();
                assertThat(available.state()).isEqualTo(MigrationState.UPGRADE_AVAILABLE);
                assertThat(available.currentVersion()).isEqualTo("1");
                assertThat(available.latestVersion()).isEqualTo("3");
                assertThat(available.pending()).isEqualTo(2);
                assertThat(available.message()).contains("2 migration(s) pending", "1 -> 3");

                assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.UPGRADED, "1", "3", 2));
                assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
                assertThat(migrator.sync().outcome()).isEqualTo(SyncOutcome.ALREADY_UP_TO_DATE);
            }
            assertThat(history(db, TABLE)).containsExactly("1:true", "2:true", "3:true");
        }
    }

    @EachDatabase
    void migrateToTargetStopsThere(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind shop = bind(db, "shop", locations("shop/v1", "shop/v2", "shop/v3"))) {
            BindMigrator migrator = BindMigrator.of(shop);
            assertThat(migrator.migrate("2")).isEqualTo(new SyncResult(SyncOutcome.CREATED, null, "2", 2));
            assertThat(migrator.status().state()).isEqualTo(MigrationState.UPGRADE_AVAILABLE);
            assertThat(migrator.migrate(null)).isEqualTo(new SyncResult(SyncOutcome.UPGRADED, "2", "3", 1));
            assertThat(migrator.info()).extracting(MigrationInfo::version, MigrationInfo::state)
                    .containsExactly(tuple("1", "SUCCESS"), tuple("2", "SUCCESS"), tuple("3", "SUCCESS"));
            assertThatThrownBy(() -> migrator.migrate("not a version"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bind 'shop'");
        }
    }

    @EachDatabase
    void databaseAheadOfTheCode(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase()) {
            try (Bind release2 = bind(db, "shop", locations("shop/v1", "shop/v2"))) {
                BindMigrator.of(release2).sync();
            }
            try (Bind release1 = bind(db, "shop", locations("shop/v1"))) {
                BindMigrator migrator = BindMigrator.of(release1);
                MigrationStatus ahead = migrator.status();
                assertThat(ahead.state()).isEqualTo(MigrationState.AHEAD);
                assertThat(ahead.currentVersion()).isEqualTo("2");
                assertThat(ahead.latestVersion()).isEqualTo("1");
                assertThat(ahead.message()).contains("ahead of the latest version this code knows (1)");
                assertThat(ahead.isReady()).isTrue();
                // an older instance starting after a newer one migrated: nothing to do, not a failure
                assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.ALREADY_UP_TO_DATE, "2", "2", 0));
                assertThat(migrator.status().state()).isEqualTo(MigrationState.AHEAD);
            }
        }
    }

    @EachDatabase
    void brokenScriptFailsWithTheDatabasesMessageThenStatusIsFailed(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind shop = bind(db, "shop", locations("shop/v1", "broken"))) {
            BindMigrator migrator = BindMigrator.of(shop);
            assertThat(migrator.status().state()).isEqualTo(MigrationState.EMPTY);

            assertThatThrownBy(migrator::sync)
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageStartingWith("Bind 'shop': migration 2 (V2__broken.sql) failed at line 2: ")
                    .hasMessageContaining("[statement: insert into no_such_table (id) values (1)]")
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("no_such_table"))
                    .satisfies(e -> assertThat(((MigrationFailedException) e).bindName()).isEqualTo("shop"));

            MigrationStatus failed = migrator.status();
            assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
            assertThat(failed.currentVersion()).isEqualTo("1");
            assertThat(failed.latestVersion()).isEqualTo("2");
            assertThat(failed.isReady()).isFalse();
            assertThat(failed.message()).contains("Bind 'shop'", "2 (V2__broken.sql)");

            if (kind == DatabaseKind.POSTGRES) {
                // transactional DDL: rolled back, nothing recorded; only this migrator knows it failed
                assertThat(history(db, TABLE)).containsExactly("1:true");
                assertThat(tableExists(db, "half_done")).isFalse();
                assertThat(failed.message()).contains("rolled it back and nothing was recorded");
                // another instance sees the script pending, tries it, and fails the same way
                try (Bind other = bind(db, "shop", locations("shop/v1", "broken"))) {
                    BindMigrator second = BindMigrator.of(other);
                    assertThat(second.status().state()).isEqualTo(MigrationState.UPGRADE_AVAILABLE);
                    assertThatThrownBy(second::sync).isInstanceOf(MigrationFailedException.class)
                            .hasMessageContaining("migration 2 (V2__broken.sql) failed");
                    assertThat(second.status().state()).isEqualTo(MigrationState.FAILED);
                }
                migrator.repair(); // the operator says it is handled: this migrator forgets what it saw
                assertThat(migrator.status().state()).isEqualTo(MigrationState.UPGRADE_AVAILABLE);
            } else {
                // DDL commits as it goes: Flyway records the failure, every instance sees FAILED
                assertThat(history(db, TABLE)).containsExactly("1:true", "2:false");
                assertThat(tableExists(db, "half_done")).isTrue();
                try (Bind other = bind(db, "shop", locations("shop/v1", "broken"))) {
                    BindMigrator second = BindMigrator.of(other);
                    assertThat(second.status().state()).isEqualTo(MigrationState.FAILED);
                    assertThat(second.status().message()).contains("recorded as failed in table " + TABLE,
                            "repair()");
                    assertThatThrownBy(second::sync).isInstanceOf(MigrationValidationException.class)
                            .hasMessageContaining("Bind 'shop'");
                    assertThatThrownBy(second::validate).isInstanceOf(MigrationValidationException.class);
                }
                migrator.repair(); // removes the failed row
                assertThat(history(db, TABLE)).containsExactly("1:true");
                assertThat(migrator.status().state()).isEqualTo(MigrationState.UPGRADE_AVAILABLE);
            }
            assertThat(migrator.info()).extracting(MigrationInfo::script).contains("V2__broken.sql");
        }
    }

    @EachDatabase
    void changedScriptFailsValidation(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase()) {
            try (Bind before = bind(db, "shop", locations("shop/v1"))) {
                BindMigrator.of(before).sync();
            }
            // same version 1, other content: a placeholder script that now sits under version 1
            try (Bind changed = bind(db, "shop", locations("placeholders")
                    .withPlaceholders(Map.of("table_name", "named")))) {
                BindMigrator migrator = BindMigrator.of(changed);
                assertThatThrownBy(migrator::validate).isInstanceOf(MigrationValidationException.class)
                        .hasMessageContaining("Bind 'shop'").hasMessageContaining("1");
                assertThatThrownBy(migrator::sync).isInstanceOf(MigrationValidationException.class);
                migrator.repair(); // accept the code's checksum
                migrator.validate();
                assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
            }
        }
    }

    @EachDatabase
    void infoListsAppliedAndPendingWithChecksumsAndDates(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase()) {
            try (Bind release1 = bind(db, "shop", locations("shop/v1"))) {
                BindMigrator.of(release1).sync();
            }
            try (Bind release2 = bind(db, "shop", locations("shop/v1", "shop/v2"))) {
                var info = BindMigrator.of(release2).info();
                assertThat(info).hasSize(2);
                MigrationInfo applied = info.get(0);
                assertThat(applied.version()).isEqualTo("1");
                assertThat(applied.description()).isEqualTo("create items");
                assertThat(applied.script()).isEqualTo("V1__create_items.sql");
                assertThat(applied.type()).isEqualTo("SQL");
                assertThat(applied.state()).isEqualTo("SUCCESS");
                assertThat(applied.checksum()).isNotNull();
                assertThat(applied.installedOn()).isNotNull();
                assertThat(applied.installedBy()).isNotBlank();
                assertThat(applied.executionTime()).isNotNull();
                assertThat(applied.isApplied()).isTrue();
                MigrationInfo pending = info.get(1);
                assertThat(pending.version()).isEqualTo("2");
                assertThat(pending.state()).isEqualTo("PENDING");
                assertThat(pending.checksum()).isNotNull();
                assertThat(pending.installedOn()).isNull();
                assertThat(pending.executionTime()).isNull();
                assertThat(pending.isApplied()).isFalse();
            }
        }
    }
}
