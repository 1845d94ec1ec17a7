package dev.binds.micronaut.data;

import dev.binds.Bind;
import dev.binds.CreateResult;
import dev.binds.testdb.DatabaseKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entity {@code getOrCreate} / {@code updateOrCreate} race on the reference servers: 8 threads each
 * ask for the same 100 keys, in the same order and released together, each call its own transaction.
 * Exactly one call per key creates the row, every other call gets that row, nobody gets an exception.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityRaceTest {

    private static final int THREADS = 8;
    private static final int KEYS = 100;

    private final Map<DatabaseKind, EntityEnvironment> environments = new EnumMap<>(DatabaseKind.class);

    private EntityEnvironment on(DatabaseKind kind) {
        return environments.computeIfAbsent(kind, k -> new EntityEnvironment(k.createDatabase())).clear();
    }

    @AfterAll
    void close() {
        environments.values().forEach(EntityEnvironment::close);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRES", "MARIADB"})
    void getOrCreateCreatesEachRowOnce(DatabaseKind kind) throws Exception {
        Bind bind = on(kind).bind;
        Race race = run(THREADS, KEYS, (thread, key) -> bind.inTransaction(s -> s.getOrCreate(SupportTicket.class,
                Map.of("code", key), Map.of("itemName", "thread-" + thread, "status", Status.OPEN, "createdAt", Instant.now()))));
        race.assertEachKeyCreatedOnce();
        assertThat(count(bind, "select count(*) as n from support_ticket")).isEqualTo(KEYS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRES", "MARIADB"})
    void updateOrCreateCreatesEachRowOnce(DatabaseKind kind) throws Exception {
        Bind bind = on(kind).bind;
        Race race = run(THREADS, KEYS, (thread, key) -> bind.inTransaction(s -> s.updateOrCreate(Gadget.class,
                Map.of("code", key), Map.of("quantity", thread, "status", Status.CLOSED), Map.of("itemName", "first"))));
        race.assertEachKeyCreatedOnce();
        assertThat(count(bind, "select count(*) as n from gadget")).isEqualTo(KEYS);
        assertThat(count(bind, "select count(*) as n from gadget where status = 'CLOSED' and item_name = 'first'"))
                .isEqualTo(KEYS);
    }

    interface Call {
        CreateResult<?> call(int thread, String key);
    }

    private static Race run(int threads, int keys, Call call) throws Exception {
        Race race = new Race();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < keys; k++) {
                        String key = String.format("race-%03d", k);
                        try {
                            CreateResult<?> r = call.call(thread, key);
                            race.ids.computeIfAbsent(key, x -> ConcurrentHashMap.newKeySet()).add(id(r.value()));
                            if (r.created()) {
                                race.created.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            race.failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        race.keys = keys;
        return race;
    }

    private static Object id(Object entity) {
        return entity instanceof SupportTicket t ? t.getId() : ((Gadget) entity).id();
    }

    private static long count(Bind bind, String sql) {
        return bind.withSession(s -> s.queryOne(sql).orElseThrow().getLong("n"));
    }

    private static final class Race {
        final AtomicInteger created = new AtomicInteger();
        final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        final Map<String, Set<Object>> ids = new ConcurrentHashMap<>();
        int keys;

        void assertEachKeyCreatedOnce() {
            assertThat(failures).isEmpty();
            assertThat(created.get()).isEqualTo(keys);
            assertThat(ids).hasSize(keys);
            // every caller of a key got the same row
            assertThat(ids.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        }
    }
}
