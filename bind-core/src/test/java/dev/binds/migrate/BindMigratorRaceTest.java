package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.MigrationSettings;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.binds.migrate.MigrationBinds.bind;
import static dev.binds.migrate.MigrationBinds.count;
import static dev.binds.migrate.MigrationBinds.history;
import static dev.binds.migrate.MigrationBinds.locations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several application instances starting at once against one empty database: four binds, each with
 * its own pool, call {@code sync()} together; every one must succeed and end up to date, and each
 * migration must be applied exactly once. Repeated on a fresh database per round.
 */
class BindMigratorRaceTest {

    private static final Logger LOG = LoggerFactory.getLogger(BindMigratorRaceTest.class);
    private static final int INSTANCES = 4;
    private static final int ROUNDS = 10;
    private static final List<String> ALL_APPLIED = List.of("1:true", "2:true", "3:true", "4:true", "5:true");

    @EachDatabase
    void instancesSyncingTogetherApplyEachMigrationOnce(DatabaseKind kind) throws Exception {
        long start = System.nanoTime();
        int failures = 0;
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                failures += round(kind, round, pool);
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Race on {}: {} rounds x {} instances, {} failures, {} ms", kind, ROUNDS, INSTANCES, failures,
                took.toMillis());
        assertThat(failures).isZero();
    }

    /**
     * One instance runs a migration that takes longer than a second (H2's default lock timeout, Flyway's
     * lock polling interval) while the others wait for the lock: they must wait, not fail.
     */
    @EachDatabase
    void instancesWaitForASlowMigration(DatabaseKind kind) throws Exception {
        try (IsolatedDatabase db = kind.createDatabase()) {
            List<Bind> binds = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<SyncResult>> results = new ArrayList<>();
                CountDownLatch go = new CountDownLatch(1);
                for (int i = 0; i < 3; i++) {
                    Bind b = bind(db, "notes", locations("other"));
                    binds.add(b);
                    BindMigrator migrator = BindMigrator.of(b, List.of(new V2__SlowSeed()));
                    results.add(pool.submit(() -> {
                        go.await();
                        return migrator.sync();
                    }));
                }
                go.countDown();
                int applied = 0;
                for (Future<SyncResult> f : results) {
                    SyncResult r = f.get(60, TimeUnit.SECONDS);
                    assertThat(r.toVersion()).isEqualTo("2");
                    applied += r.migrationsApplied();
                }
                assertThat(applied).isEqualTo(2);
                assertThat(history(db, MigrationSettings.DEFAULT_TABLE)).containsExactly("1:true", "2:true");
                assertThat(count(db, "select count(*) from notes")).isEqualTo(1);
            } finally {
                pool.shutdownNow();
                binds.forEach(Bind::close);
            }
        }
    }

    /** One migrator is thread-safe: threads of one instance may sync and probe the status at once. */
    @EachDatabase
    void oneMigratorSharedByThreads(DatabaseKind kind) throws Exception {
        try (IsolatedDatabase db = kind.createDatabase(); Bind b = bind(db, "ledger", locations("race"))) {
            BindMigrator migrator = BindMigrator.of(b);
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * 2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<SyncResult>> syncs = new ArrayList<>();
                List<Future<MigrationStatus>> probes = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    syncs.add(pool.submit(() -> {
                        go.await();
                        return migrator.sync();
                    }));
                    probes.add(pool.submit(() -> {
                        go.await();
                        return migrator.status();
                    }));
                }
                go.countDown();
                int applied = 0;
                for (Future<SyncResult> f : syncs) {
                    applied += f.get(60, TimeUnit.SECONDS).migrationsApplied();
                }
                for (Future<MigrationStatus> f : probes) {
                    assertThat(f.get(60, TimeUnit.SECONDS).state()).isNotEqualTo(MigrationState.FAILED);
                }
                assertThat(applied).isEqualTo(5);
                assertThat(history(db, MigrationSettings.DEFAULT_TABLE)).containsExactlyElementsOf(ALL_APPLIED);
                assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Inserts a note after holding the migration lock for 2.5 seconds. */
    static final class V2__SlowSeed extends BaseJavaMigration {
        @Override
        public void migrate(Context context) throws Exception {
            Thread.sleep(2500);
            try (var s = context.getConnection().createStatement()) {
                s.executeUpdate("insert into notes (id, body) values (1, 'slow')");
            }
        }
    }

    private static int round(DatabaseKind kind, int round, ExecutorService pool) throws Exception {
        try (IsolatedDatabase db = kind.createDatabase()) {
            List<Bind> binds = new ArrayList<>();
            try {
                for (int i = 0; i < INSTANCES; i++) {
                    binds.add(bind(db, "ledger", locations("race")));
                }
                CountDownLatch ready = new CountDownLatch(INSTANCES);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<SyncResult>> results = new ArrayList<>();
                for (Bind b : binds) {
                    BindMigrator migrator = BindMigrator.of(b);
                    results.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return migrator.sync();
                    }));
                }
                assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
                go.countDown();

                int failures = 0;
                int applied = 0;
                List<SyncOutcome> outcomes = new ArrayList<>();
                for (Future<SyncResult> f : results) {
                    try {
                        SyncResult r = f.get(60, TimeUnit.SECONDS);
                        applied += r.migrationsApplied();
                        outcomes.add(r.outcome());
                        assertThat(r.toVersion()).isEqualTo("5");
                        if (r.migrationsApplied() == 0) {
                            assertThat(r).isEqualTo(new SyncResult(SyncOutcome.ALREADY_UP_TO_DATE, "5", "5", 0));
                        }
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures++;
                        LOG.error("Race on {}, round {}: sync failed", kind, round, e.getCause());
                    }
                }
                assertThat(failures).as("failed syncs, round %d", round).isZero();
                assertThat(applied).as("migrations applied by all instances, round %d", round).isEqualTo(5);
                assertThat(outcomes).as("round %d", round).contains(SyncOutcome.CREATED)
                        .doesNotContain(SyncOutcome.DISABLED);
                assertThat(history(db, MigrationSettings.DEFAULT_TABLE)).as("round %d", round)
                        .containsExactlyElementsOf(ALL_APPLIED);
                for (Bind b : binds) {
                    assertThat(BindMigrator.of(b).status().state()).isEqualTo(MigrationState.UP_TO_DATE);
                }
                assertThat(count(db, "select count(*) from accounts")).isEqualTo(2);
                assertThat(count(db, "select count(*) from ledger")).isEqualTo(2);
                return failures;
            } finally {
                binds.forEach(Bind::close);
            }
        }
    }
}
