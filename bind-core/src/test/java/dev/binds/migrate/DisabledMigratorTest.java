package dev.binds.migrate;

import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariConfig;
import dev.binds.Bind;
import dev.binds.BindConfig;
import dev.binds.MigrationRefusedException;
import dev.binds.MigrationSettings;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.IsolatedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.binds.migrate.MigrationBinds.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When a bind's migrations are off, and how "auto" (enabled unset) decides: on when the locations hold a
 * script or Java migrations are given. A disabled migrator touches neither Flyway nor the database.
 */
class DisabledMigratorTest {

    /** A lazy bind: its pool starts only if something asks for a connection. */
    private static Bind lazyBind(String name, MigrationSettings settings) {
        return Bind.create(BindConfig.builder(name).url("jdbc:h2:mem:" + name).lazy(true).migrations(settings).build());
    }

    @Test
    void disabledMigratorReportsDisabledAndTouchesNothing() {
        try (Bind bind = lazyBind("quiet", MigrationSettings.DEFAULTS.withEnabled(false)
                .withLocations(List.of(MigrationBinds.ROOT + "shop/v1")))) {
            BindMigrator migrator = BindMigrator.of(bind);
            assertThat(migrator.isEnabled()).isFalse();
            assertThat(migrator.status()).isEqualTo(new MigrationStatus(MigrationState.DISABLED, null, null, 0,
                    "Migrations of bind 'quiet' are disabled (binds.quiet.migrations.enabled=false)"));
            assertThat(migrator.status().isReady()).isTrue();
            assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.DISABLED, null, null, 0));
            assertThat(migrator.info()).isEmpty();
            assertThat(migrator).hasToString("BindMigrator[quiet, disabled]");
            for (Executable command : List.<Executable>of(() -> migrator.migrate("1"), migrator::validate,
                    migrator::repair, () -> migrator.baseline("1"), migrator::clean)) {
                assertThatThrownBy(command::execute).isInstanceOf(MigrationRefusedException.class)
                        .hasMessageContaining("Bind 'quiet': cannot ")
                        .hasMessageContaining("its migrations are disabled (binds.quiet.migrations.enabled=false). "
                                + "Set binds.quiet.migrations.enabled=true");
            }
            assertThat(bind.isStarted()).as("the pool never started: the database was not touched").isFalse();
        }
    }

    @Test
    void autoIsOffWhenTheDefaultLocationHoldsNoScript() {
        try (Bind bind = lazyBind("nothing_here", MigrationSettings.DEFAULTS)) {
            BindMigrator migrator = BindMigrator.of(bind);
            assertThat(migrator.isEnabled()).isFalse();
            assertThat(migrator.status().message()).isEqualTo("Migrations of bind 'nothing_here' are disabled "
                    + "(binds.nothing_here.migrations.enabled is not set and classpath:db/nothing_here hold no "
                    + "migration script)");
            assertThat(bind.isStarted()).isFalse();
        }
    }

    @Test
    void autoIsOnWhenTheDefaultLocationHoldsScripts() throws SQLException {
        try (IsolatedDatabase db = DatabaseKind.H2.createDatabase();
             Bind bind = MigrationBinds.bind(db, "autoshop", MigrationSettings.DEFAULTS)) {
            BindMigrator migrator = BindMigrator.of(bind);
            assertThat(migrator.isEnabled()).isTrue();
            assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.CREATED, null, "1", 1));
            assertThat(tableExists(db, "things")).isTrue();
        }
    }

    @Test
    void autoIsOnWithJavaMigrationsOnly() {
        try (IsolatedDatabase db = DatabaseKind.H2.createDatabase();
             Bind bind = MigrationBinds.bind(db, "nothing_here", MigrationSettings.DEFAULTS)) {
            BindMigrator migrator = BindMigrator.of(bind, List.of(new JavaMigrationTest.V2__Fails()));
            assertThat(migrator.isEnabled()).isTrue();
            assertThat(migrator.status().state()).isEqualTo(MigrationState.EMPTY);
        }
    }

    /** Scripts written into a directory while the application runs: a release adding a script. */
    @Test
    void filesystemLocationGrowsFromEmptyToTwoScripts(@TempDir Path dir) throws IOException, SQLException {
        MigrationSettings auto = MigrationSettings.DEFAULTS.withLocations(List.of("filesystem:" + dir));
        try (IsolatedDatabase db = DatabaseKind.H2.createDatabase()) {
            try (Bind bind = MigrationBinds.bind(db, "files", auto)) {
                assertThat(BindMigrator.of(bind).isEnabled()).isFalse();
            }
            Files.writeString(dir.resolve("V1__create_things.sql"), "create table things (id int primary key);");
            try (Bind bind = MigrationBinds.bind(db, "files", auto)) {
                BindMigrator migrator = BindMigrator.of(bind);
                assertThat(migrator.isEnabled()).isTrue();
                assertThat(migrator.sync().outcome()).isEqualTo(SyncOutcome.CREATED);
                Files.createDirectories(dir.resolve("later"));
                Files.writeString(dir.resolve("later/V2__more_things.sql"), "alter table things add name varchar(10);");
                assertThat(migrator.status().state()).isEqualTo(MigrationState.UPGRADE_AVAILABLE);
                assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.UPGRADED, "1", "2", 1));
            }
        }
    }

    @Test
    void scriptsAreFoundInJarsAndDirectories(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of("db/", "db/jarred/", "db/jarred/nested/V1__a.sql", "db/readme/README.txt")) {
                out.putNextEntry(new java.util.jar.JarEntry(entry));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ScriptLocations.holdScripts(List.of("classpath:db/jarred"), loader)).isTrue();
            assertThat(ScriptLocations.holdScripts(List.of("classpath:/db/jarred/"), loader)).isTrue();
            assertThat(ScriptLocations.holdScripts(List.of("db/jarred"), loader)).isTrue();
            assertThat(ScriptLocations.holdScripts(List.of("classpath:db/readme"), loader)).isFalse();
            assertThat(ScriptLocations.holdScripts(List.of("classpath:db/absent"), loader)).isFalse();
            assertThat(ScriptLocations.holdScripts(List.of("classpath:db/readme", "classpath:db/jarred"), loader)).isTrue();
            assertThat(ScriptLocations.holdScripts(List.of("s3:bucket/db"), loader)).as("cannot tell: Flyway decides").isTrue();
        }
        assertThat(ScriptLocations.holdScripts(List.of("filesystem:" + dir.resolve("absent")), getClass().getClassLoader()))
                .isFalse();
        assertThat(ScriptLocations.isMigration("V1__a.sql")).isTrue();
        assertThat(ScriptLocations.isMigration("V3__Seed.class")).isTrue();
        assertThat(ScriptLocations.isMigration("R__views.class")).isTrue();
        assertThat(ScriptLocations.isMigration("Helper.class")).isFalse();
        assertThat(ScriptLocations.isMigration("README.md")).isFalse();
    }

    @Test
    void disabledMigratorNeedsNoFlywayOnTheClasspath() throws Exception {
        URL[] withoutFlyway = Stream.of(Bind.class, HikariConfig.class, LoggerFactory.class, LoggerContext.class,
                        ch.qos.logback.core.Context.class, DisabledProbe.class)
                .map(c -> c.getProtectionDomain().getCodeSource().getLocation()).distinct().toArray(URL[]::new);
        assertThat(withoutFlyway).noneMatch(u -> u.toString().contains("flyway"));
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader(withoutFlyway, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> isolated.loadClass("org.flywaydb.core.Flyway"))
                    .isInstanceOf(ClassNotFoundException.class);
            thread.setContextClassLoader(isolated);
            @SuppressWarnings("unchecked")
            Supplier<String> probe = (Supplier<String>) isolated.loadClass(DisabledProbe.class.getName())
                    .getDeclaredConstructor().newInstance();
            assertThat(probe.get()).isEqualTo("false DISABLED DISABLED 0 started=false;"
                    + "false DISABLED DISABLED 0 started=false;");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void enabledWithoutScriptsIsEmptyAndSyncsNothing() {
        try (IsolatedDatabase db = DatabaseKind.H2.createDatabase();
             Bind bind = MigrationBinds.bind(db, "nothing_here", MigrationSettings.DEFAULTS.withEnabled(true)
                     .withPlaceholders(Map.of()))) {
            BindMigrator migrator = BindMigrator.of(bind);
            assertThat(migrator.isEnabled()).isTrue();
            assertThat(migrator.status()).isEqualTo(new MigrationStatus(MigrationState.EMPTY, null, null, 0,
                    "Bind 'nothing_here': no migration applied yet; sync() applies 0"));
            assertThat(migrator.sync()).isEqualTo(new SyncResult(SyncOutcome.ALREADY_UP_TO_DATE, null, null, 0));
        }
    }
}
