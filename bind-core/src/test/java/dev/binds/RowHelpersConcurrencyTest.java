package dev.binds;

import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 threads each claim the same 200 keys, in their own order, one transaction per call: every key
 * must end with one row, exactly one caller must see {@code created = true}, and none may see an error.
 */
class RowHelpersConcurrencyTest {

    private static final int THREADS = 8;
    private static final int KEYS = 200;

    @EachDatabase
    void getOrCreateRace(DatabaseKind kind) throws Exception {
        race(kind, (s, key) -> s.getOrCreate("items", Map.of("code", key), Map.of("name", "n-" + key)));
    }

    @EachDatabase
    void updateOrCreateRace(DatabaseKind kind) throws Exception {
        race(kind, (s, key) -> s.updateOrCreate("items", Map.of("code", key),
                Map.of("qty", (int) Thread.currentThread().getId()), Map.of("name", "n-" + key)));
    }

    private static void race(DatabaseKind kind, BiFunction<BindSession, String, CreateResult<Row>> claim) throws Exception {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            AtomicInteger created = new AtomicInteger();
            AtomicInteger calls = new AtomicInteger();
            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            for (int t = 0; t < THREADS; t++) {
                List<String> keys = new ArrayList<>();
                for (int k = 0; k < KEYS; k++) {
                    keys.add("key-" + k);
                }
                // half the threads walk the keys in the same order, so they collide on every first insert
                Collections.shuffle(keys, new Random(t % 2 == 0 ? 0 : t));
                pool.submit(() -> {
                    start.await();
                    for (String key : keys) {
                        try {
                            CreateResult<Row> r = bind.inTransaction(s -> claim.apply(s, key));
                            assertThat(r.value().getString("code")).isEqualTo(key);
                            if (r.created()) {
                                created.incrementAndGet();
                            }
                            calls.incrementAndGet();
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            assertThat(errors).as("errors escaping to callers").isEmpty();
            assertThat(calls.get()).isEqualTo(THREADS * KEYS);
            assertThat(created.get()).as("created = true").isEqualTo(KEYS);
            long rows = bind.withSession(s -> s.queryOne("select count(*) as n from items").orElseThrow().getLong("n"));
            long distinct = bind.withSession(s -> s.queryOne("select count(distinct code) as n from items").orElseThrow().getLong("n"));
            assertThat(rows).isEqualTo(KEYS);
            assertThat(distinct).isEqualTo(KEYS);
            assertThat(bind.poolState().active()).isZero();
        }
    }
}
