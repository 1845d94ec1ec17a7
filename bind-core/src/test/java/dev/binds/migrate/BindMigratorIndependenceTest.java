package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.MigrationFailedException;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;

import java.sql.SQLException;

import static dev.binds.migrate.MigrationBinds.bind;
import static dev.binds.migrate.MigrationBinds.history;
import static dev.binds.migrate.MigrationBinds.locations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bind owns its schema history: binds on one server, or even one database, do not see each other's. */
class BindMigratorIndependenceTest {

    @EachDatabase
    void bindsOnTwoDatabasesOfOneServer(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase shopDb = kind.createDatabase(); IsolatedDatabase notesDb = kind.createDatabase();
             Bind shop = bind(shopDb, "shop", locations("shop/v1", "shop/v2"));
             Bind notes = bind(notesDb, "notes", locations("other"))) {
            BindMigrator shopMigrator = BindMigrator.of(shop);
            BindMigrator notesMigrator = BindMigrator.of(notes);

            assertThat(shopMigrator.sync()).isEqualTo(new SyncResult(SyncOutcome.CREATED, null, "2", 2));
            assertThat(notesMigrator.status().state()).isEqualTo(MigrationState.EMPTY);
            assertThat(notesMigrator.sync()).isEqualTo(new SyncResult(SyncOutcome.CREATED, null, "1", 1));

            assertThat(history(shopDb, "flyway_schema_history")).containsExactly("1:true", "2:true");
            assertThat(history(notesDb, "flyway_schema_history")).containsExactly("1:true");
            assertThat(MigrationBinds.tableExists(notesDb, "items")).isFalse();
            assertThat(MigrationBinds.tableExists(shopDb, "notes")).isFalse();
        }
    }

    @EachDatabase
    void bindsSharingOneDatabaseWithTheirOwnHistoryTables(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase()) {
            try (Bind shop = bind(db, "shop", locations("shop/v1").withTable("shop_history"))) {
                assertThat(BindMigrator.of(shop).sync().outcome()).isEqualTo(SyncOutcome.CREATED);
            }
            // the schema now holds the shop's tables: Flyway will not migrate a non-empty schema without history
            try (Bind notes = bind(db, "notes", locations("other").withTable("notes_history"))) {
                BindMigrator migrator = BindMigrator.of(notes);
                assertThatThrownBy(migrator::sync).isInstanceOf(MigrationFailedException.class)
                        .hasMessageStartingWith("Bind 'notes': migrate failed: ")
                        .hasMessageContaining("binds.notes.migrations.baseline-on-migrate=true");
            }
            // ...unless told to adopt it: a baseline below the bind's first version, then its own scripts
            try (Bind notes = bind(db, "notes", locations("other").withTable("notes_history")
                    .withBaselineOnMigrate(true, "0"))) {
                BindMigrator migrator = BindMigrator.of(notes);
                assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.UPGRADED, "0", "1", 1));
                assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
            }
            try (Bind shopRelease2 = bind(db, "shop", locations("shop/v1", "shop/v2").withTable("shop_history"));
                 Bind notes = bind(db, "notes", locations("other").withTable("notes_history")
                         .withBaselineOnMigrate(true, "0"))) {
                BindMigrator shop = BindMigrator.of(shopRelease2);
                assertThat(shop.status().state()).isEqualTo(MigrationState.UPGRADE_AVAILABLE);
                assertThat(BindMigrator.of(notes).status().state()).isEqualTo(MigrationState.UP_TO_DATE);
                assertThat(shop.sync()).isEqualTo(new SyncResult(SyncOutcome.UPGRADED, "1", "2", 1));
                assertThat(BindMigrator.of(notes).status().currentVersion()).isEqualTo("1");
            }
            assertThat(history(db, "shop_history")).containsExactly("1:true", "2:true");
            assertThat(history(db, "notes_history")).containsExactly("0:true", "1:true");
        }
    }
}
