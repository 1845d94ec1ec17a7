package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.MigrationSettings;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;
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
                        LOG.info("RESULT {} round {}: {}", kind, round, r);
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
