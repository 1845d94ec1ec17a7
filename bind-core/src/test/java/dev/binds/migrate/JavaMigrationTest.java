package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.MigrationFailedException;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static dev.binds.migrate.MigrationBinds.bind;
import static dev.binds.migrate.MigrationBinds.history;
import static dev.binds.migrate.MigrationBinds.locations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Java-based migrations given to the migrator run in version order with the SQL scripts. */
class JavaMigrationTest {

    @EachDatabase
    void javaMigrationRunsBetweenScripts(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind b = bind(db, "settings", locations("java_sql"))) {
            BindMigrator migrator = BindMigrator.of(b, List.of(new V2__SeedSettings()));
            assertThat(migrator.status().latestVersion()).isEqualTo("2");
            assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.CREATED, null, "2", 2));
            assertThat(migrator.info()).extracting(MigrationInfo::version, MigrationInfo::type, MigrationInfo::script)
                    .containsExactly(tuple("1", "SQL", "V1__create_settings.sql"),
                            tuple("2", "JDBC", V2__SeedSettings.class.getName()));
            assertThat(history(db, "flyway_schema_history")).containsExactly("1:true", "2:true");
            String value = b.withSession(s -> s.queryOne("select val from settings where name = 'theme'")
                    .orElseThrow().getString("val"));
            assertThat(value).isEqualTo("dark");
        }
    }

    @EachDatabase
    void failingJavaMigrationIsReported(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind b = bind(db, "settings", locations("java_sql"))) {
            BindMigrator migrator = BindMigrator.of(b, List.of(new V2__Fails()));
            assertThatThrownBy(migrator::sync).isInstanceOf(MigrationFailedException.class)
                    .hasMessageStartingWith("Bind 'settings': migration 2 (" + V2__Fails.class.getName() + ") failed: ")
                    .hasMessageContaining("no settings today");
            assertThat(migrator.status().state()).isEqualTo(MigrationState.FAILED);
        }
    }

    /** Version 2, from the class name. */
    static final class V2__SeedSettings extends BaseJavaMigration {
        @Override
        public void migrate(Context context) throws SQLException {
            try (PreparedStatement ps = context.getConnection()
                    .prepareStatement("insert into settings (name, val) values (?, ?)")) {
                ps.setString(1, "theme");
                ps.setString(2, "dark");
                ps.executeUpdate();
            }
        }
    }

    static final class V2__Fails extends BaseJavaMigration {
        @Override
        public void migrate(Context context) {
            throw new IllegalStateException("no settings today");
        }
    }
}
