package dev.binds.testing;

import dev.binds.Bind;
import dev.binds.MigrationSettings;
import dev.binds.Row;
import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Templates, copies, leftovers and clean-up on the real servers; names, fingerprints and scripts. */
class ProvisioningTest {

    private static final MigrationSettings ORDERS = MigrationSettings.DEFAULTS.withLocations(List.of("classpath:db/orders"));

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRES", "MARIADB"})
    void testDatabasesAreCopiesOfOneTemplateWithSchemaSeedAndHistory(DatabaseKind kind) throws Exception {
        try (TestDatabase a = TestDatabase.create(kind, "orders", ORDERS);
             TestDatabase b = TestDatabase.create(kind, "orders", ORDERS)) {
            assertThat(a.name()).isNotEqualTo(b.name()).startsWith("bindtest_");
            assertThat(a.method()).isEqualTo(Provisioner.Method.TEMPLATE);
            assertThat(b.method()).isEqualTo(Provisioner.Method.TEMPLATE);
            String fingerprint = MigrationFingerprint.of(kind, "orders", ORDERS, getClass().getClassLoader());
            assertThat(a.server().databases(DatabaseNames.templatePrefix(fingerprint))).hasSize(1);
            try (Bind bind = Bind.create(a.configFor("orders").build())) {
                assertThat(BindMigrator.of(bind).status().state()).isEqualTo(MigrationState.UP_TO_DATE);
                List<Row> currencies = bind.withSession(s -> s.query("select code from currencies order by code"));
                assertThat(currencies).extracting(r -> r.getString("code")).containsExactly("EUR", "USD");
                // the foreign key came along with the copy: an unknown currency is refused
                assertThatThrownBy(() -> bind.useTransaction(s -> s.update(
                        "insert into orders (id, ref, currency, total) values (1, 'K-1', 'XXX', 1)")))
                        .isInstanceOf(dev.binds.BindException.class);
                bind.useTransaction(s -> Orders.insert(s, 1, "K-1", 1));
            }
            assertThat(a.openConnections()).isZero();
        }
    }

    @Test
    void closingDropsTheDatabaseEvenWithConnectionsOpen() throws Exception {
        for (DatabaseKind kind : DatabaseKind.values()) {
            TestDatabase db = TestDatabase.create(kind, "orders", ORDERS);
            try (var leaked = db.connect()) {
                assertThat(db.openConnections()).isEqualTo(1);
                assertThatThrownBy(() -> db.assertNoOpenConnections("Test class x.Y", Duration.ZERO)).isInstanceOf(AssertionError.class)
                        .hasMessageStartingWith("Test class x.Y left 1 connection(s) open to " + kind.productName()
                                + " test database " + db.name() + " of bind 'orders'");
                db.close();
                db.close(); // idempotent
            }
            assertThat(db.server().databases(DatabaseNames.PREFIX)).doesNotContain(db.name());
        }
    }

    @Test
    void mariaDbSchemaWithAViewIsMigratedNotCopied() {
        MigrationSettings withView = MigrationSettings.DEFAULTS.withLocations(List.of("classpath:db/withview"));
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB, "views", withView);
             Bind bind = Bind.create(db.configFor("views").build())) {
            assertThat(db.method()).isEqualTo(Provisioner.Method.MIGRATED);
            List<Row> refs = bind.withSession(s -> s.query("select ref from order_refs"));
            assertThat(refs).extracting(r -> r.getString("ref")).containsExactly("SEED");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRES", "MARIADB"})
    void forksBuildingTheSameNewTemplateAtOnceBuildItOnce(DatabaseKind kind) throws Exception {
        // a placeholder value no run used before: a fingerprint whose template does not exist yet
        MigrationSettings fresh = ORDERS.withPlaceholders(Map.of("run", UUID.randomUUID().toString()));
        String fingerprint = MigrationFingerprint.of(kind, "orders", fresh, getClass().getClassLoader());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<TestDatabase> made = new ArrayList<>();
        DatabaseServer server = Servers.require(kind);
        try {
            List<Future<TestDatabase>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit((Callable<TestDatabase>) () -> TestDatabase.create(kind, "orders", fresh)));
            }
            for (Future<TestDatabase> f : futures) {
                made.add(f.get());
            }
            assertThat(made).extracting(TestDatabase::method).containsOnly(Provisioner.Method.TEMPLATE);
            assertThat(server.databases(DatabaseNames.templatePrefix(fingerprint))).hasSize(1);
        } finally {
            pool.shutdown();
            made.forEach(TestDatabase::close);
            for (String t : server.databases(DatabaseNames.templatePrefix(fingerprint))) {
                server.drop(t);
            }
        }
    }

    @Test
    void withTemplatesTurnedOffEachDatabaseIsMigrated() {
        System.setProperty("BIND_TEST_TEMPLATES", "false");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRES, "orders", ORDERS)) {
            assertThat(db.method()).isEqualTo(Provisioner.Method.MIGRATED);
        } finally {
            System.clearProperty("BIND_TEST_TEMPLATES");
        }
    }

    @Test
    void withoutMigrationsTheDatabaseIsEmpty() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRES, "nothing-here")) {
            assertThat(db.method()).isEqualTo(Provisioner.Method.EMPTY);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRES", "MARIADB"})
    void leftoversOfACrashedRunAreDroppedAtTheNextStartYoungOnesAreKept(DatabaseKind kind) throws Exception {
        RemoteServer running = (RemoteServer) Servers.require(kind);
        String old = DatabaseNames.newTestDatabase(Instant.now().minus(Duration.ofHours(4)));
        String young = DatabaseNames.newTestDatabase(Instant.now().minus(Duration.ofMinutes(10)));
        running.createEmpty(old);
        running.createEmpty(young);
        try {
            // a new run: a server object that has not cleaned yet
            RemoteServer nextRun = kind == DatabaseKind.POSTGRES ? new PostgresServer("next run", running.settings)
                    : new MariaDbServer("next run", running.settings);
            nextRun.dropLeftoversOnce();
            assertThat(nextRun.databases(DatabaseNames.PREFIX)).doesNotContain(old).contains(young);
        } finally {
            running.drop(old);
            running.drop(young);
        }
    }

    @Test
    void namesCarryTheirCreationTime() {
        Instant t = Instant.parse("2025-06-01T10:00:00Z");
        String name = DatabaseNames.newTestDatabase(t);
        assertThat(name).matches("bindtest_[0-9a-z]{6}_[0-9a-z]{8}");
        assertThat(DatabaseNames.createdAt(name)).isEqualTo(t);
        assertThat(DatabaseNames.isStale(name, t.plus(Duration.ofHours(2)))).isFalse();
        assertThat(DatabaseNames.isStale(name, t.plus(Duration.ofHours(4)))).isTrue();
        assertThat(DatabaseNames.isStale("bindtest_by_hand", t)).isFalse();
        assertThat(DatabaseNames.isStale("app", t)).isFalse();
        String template = DatabaseNames.newTemplate("0123456789abcdef");
        assertThat(DatabaseNames.isStale(template, Instant.now().plus(Duration.ofDays(6)))).isFalse();
        assertThat(DatabaseNames.isStale(template, Instant.now().plus(Duration.ofDays(8)))).isTrue();
    }

    @Test
    void fingerprintChangesWithAnyScriptAndIsNullWithoutMigrations(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "create table a (id int);");
        MigrationSettings s = MigrationSettings.DEFAULTS.withLocations(List.of("filesystem:" + dir));
        ClassLoader cl = getClass().getClassLoader();
        String first = MigrationFingerprint.of(DatabaseKind.POSTGRES, "x", s, cl);
        assertThat(first).hasSize(16).isEqualTo(MigrationFingerprint.of(DatabaseKind.POSTGRES, "x", s, cl));
        assertThat(MigrationFingerprint.of(DatabaseKind.MARIADB, "x", s, cl)).isNotEqualTo(first);
        Files.writeString(dir.resolve("V1__a.sql"), "create table a (id bigint);");
        String edited = MigrationFingerprint.of(DatabaseKind.POSTGRES, "x", s, cl);
        assertThat(edited).isNotEqualTo(first);
        Files.writeString(dir.resolve("V2__b.sql"), "create table b (id int);");
        assertThat(MigrationFingerprint.of(DatabaseKind.POSTGRES, "x", s, cl)).isNotEqualTo(edited);

        assertThat(MigrationFingerprint.of(DatabaseKind.POSTGRES, "x", s.withEnabled(false), cl)).isNull();
        assertThat(MigrationFingerprint.of(DatabaseKind.POSTGRES, "nothing", MigrationSettings.DEFAULTS, cl)).isNull();
        assertThat(MigrationFingerprint.of(DatabaseKind.POSTGRES, "x",
                MigrationSettings.DEFAULTS.withLocations(List.of("s3:bucket/db")), cl)).isEqualTo(MigrationFingerprint.UNKNOWN);
        // classpath directory: the same content read from target/test-classes
        assertThat(MigrationFingerprint.of(DatabaseKind.POSTGRES, "orders", ORDERS, cl)).hasSize(16);
    }

    @Test
    void scriptsSplitOnSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
        assertThat(SqlScript.split("""
                -- a comment; with a semicolon
                insert into t values ('a;b', "c;d", `e;f`);
                /* block; */ insert into t values ('it''s; here');
                create function f() returns int as $body$ begin return 1; end; $body$ language plpgsql;
                select 1""")).containsExactly(
                "insert into t values ('a;b', \"c;d\", `e;f`)",
                "insert into t values ('it''s; here')",
                "create function f() returns int as $body$ begin return 1; end; $body$ language plpgsql",
                "select 1");
        assertThatThrownBy(() -> SqlScript.read("classpath:fixtures/missing.sql"))
                .hasMessageContaining("fixtures/missing.sql was not found");
    }

    @Test
    void kindsFollowTheUrl() {
        assertThat(DatabaseKind.forUrl("jdbc:postgresql://h/db")).isEqualTo(DatabaseKind.POSTGRES);
        assertThat(DatabaseKind.forUrl("jdbc:mariadb://h/db")).isEqualTo(DatabaseKind.MARIADB);
        assertThat(DatabaseKind.forUrl("jdbc:mysql://h/db")).isEqualTo(DatabaseKind.MARIADB);
        assertThat(DatabaseKind.forUrl("jdbc:h2:mem:x")).isEqualTo(DatabaseKind.H2);
        assertThatThrownBy(() -> DatabaseKind.forUrl("jdbc:oracle:thin:@h:1521/x?password=secret"))
                .hasMessageContaining("jdbc:oracle:thin:@h:1521/x").hasMessageNotContaining("secret");
    }
}
