package dev.binds;

import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private static final int THREADS = 4;
    private static final int INCREMENTS = 25;

    /**
     * Read-modify-write of one counter in SERIALIZABLE transactions from 4 threads: the databases
     * abort conflicting transactions (PostgreSQL 40001, MariaDB deadlock 1213, H2 concurrent update);
     * with retries every increment lands exactly once.
     */
    @EachDatabase
    void serializationFailuresAndDeadlocksAreRetried(DatabaseKind kind) throws Exception {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind bind = Bind.create(TestBinds.config(db, "counter")
                     .session(SessionSettings.DEFAULTS.withIsolation(Isolation.SERIALIZABLE)).build())) {
            bind.useTransaction(s -> {
                s.update("create table counter (id int primary key, n int not null)");
                s.update("insert into counter values (1, 0)");
            });
            AtomicInteger attempts = new AtomicInteger();
            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            RetryPolicy policy = new RetryPolicy(100, Duration.ofMillis(1), Duration.ofMillis(50));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < INCREMENTS; i++) {
                        try {
                            bind.inTransaction(policy, s -> {
                                attempts.incrementAndGet();
                                int n = s.queryOne("select n from counter where id = 1").orElseThrow().getInt("n");
                                Thread.sleep(1); // widen the window so transactions overlap
                                return s.update("update counter set n = ? where id = 1", n + 1);
                            });
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
            assertThat(errors).isEmpty();
            int n = bind.withSession(s -> s.queryOne("select n from counter where id = 1").orElseThrow().getInt("n"));
            assertThat(n).isEqualTo(THREADS * INCREMENTS);
            assertThat(attempts.get()).as("some transactions were re-run").isGreaterThan(THREADS * INCREMENTS);
        }
    }

    /** A real serialization failure raised by PostgreSQL itself, every time: the policy's bound ends it. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DatabaseKind.class, names = "POSTGRES")
    void retriesStopAtTheBound(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> bind.inTransaction(new RetryPolicy(3, Duration.ZERO, Duration.ZERO), s -> {
                attempts.incrementAndGet();
                return s.update("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'serialization_failure'; END $$");
            })).isInstanceOf(TransactionRetriesExhaustedException.class)
                    .hasMessageContaining("Bind 'main'").hasMessageContaining("after 3 attempts")
                    .hasCauseInstanceOf(RetryableTransactionException.class);
            assertThat(attempts.get()).isEqualTo(3);
            // without a policy the retryable failure reaches the caller as such
            assertThatThrownBy(() -> bind.useTransaction(s ->
                    s.update("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'deadlock_detected'; END $$")))
                    .isInstanceOf(RetryableTransactionException.class);
            // other failures are not retried
            AtomicInteger once = new AtomicInteger();
            assertThatThrownBy(() -> bind.inTransaction(RetryPolicy.attempts(5), s -> {
                once.incrementAndGet();
                return s.update("select * from missing_table");
            })).isInstanceOf(StatementFailedException.class);
            assertThat(once.get()).isEqualTo(1);
        }
    }
}
