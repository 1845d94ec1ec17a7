package dev.binds;

import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BindManagerTest {

    private static BindConfig h2(String name) {
        return BindConfig.builder(name).url("jdbc:h2:mem:mgr_" + name + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
                .pool(Map.of("minimum-idle", 0)).build();
    }

    @Test
    void unknownNameListsConfiguredBinds() {
        try (BindManager m = BindManager.of(List.of(h2("default"), h2("orders")))) {
            assertThat(m.bind("orders").name()).isEqualTo("orders");
            assertThat(m.defaultBind().name()).isEqualTo("default");
            assertThat(m.binds().keySet()).containsExactly("default", "orders");
            assertThatThrownBy(() -> m.bind("nope")).isInstanceOf(NoSuchBindException.class)
                    .hasMessageContaining("'nope'").hasMessageContaining("default, orders");
        }
    }

    @Test
    void singleConfigIsAlsoTheDefault() {
        try (BindManager m = BindManager.of(h2("main"))) {
            assertThat(m.bind("default")).isSameAs(m.bind("main"));
            assertThat(m.openSession().bindName()).isEqualTo("main");
        }
    }

    @Test
    void duplicateNamesRefused() {
        BindConfig a = h2("same");
        assertThatThrownBy(() -> BindManager.builder().add(a).add(a)).isInstanceOf(BindConfigurationException.class)
                .hasMessageContaining("configured twice");
    }

    @Test
    void forUrlCreatesOnePoolUnderConcurrentFirstCalls() throws Exception {
        AtomicInteger pools = new AtomicInteger();
        try (BindManager m = BindManager.builder().listener(new BindListener() {
            @Override
            public void poolCreated(Bind bind) {
                pools.incrementAndGet();
            }
        }).build()) {
            String url = "jdbc:h2:mem:tenant_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
            ExecutorService threads = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Bind>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return m.forUrl(url);
                }));
            }
            start.countDown();
            Set<Bind> distinct = ConcurrentHashMap.newKeySet();
            for (Future<Bind> f : results) {
                distinct.add(f.get(30, TimeUnit.SECONDS));
            }
            threads.shutdown();
            assertThat(distinct).hasSize(1);
            assertThat(pools.get()).isEqualTo(1);
            assertThat(m.forUrl(url)).isSameAs(distinct.iterator().next());

            Bind old = m.forUrl(url);
            assertThat(m.invalidate(url)).isTrue();
            assertThat(old.isClosed()).isTrue();
            Bind renewed = m.forUrl(url);
            assertThat(renewed).isNotSameAs(old);
            assertThat(pools.get()).isEqualTo(2);
            assertThat(m.invalidate("jdbc:h2:mem:never")).isFalse();
        }
    }

    @Test
    void runtimeBindsAreBoundedLeastRecentlyUsedFirstButNeverWhileInUse() {
        try (BindManager m = BindManager.builder().maxRuntimeBinds(2).build()) {
            String a = "jdbc:h2:mem:lru_a;DB_CLOSE_DELAY=-1";
            String b = "jdbc:h2:mem:lru_b;DB_CLOSE_DELAY=-1";
            String c = "jdbc:h2:mem:lru_c;DB_CLOSE_DELAY=-1";
            Bind bindA = m.forUrl(a);
            Bind bindB = m.forUrl(b);
            try (BindSession busy = bindA.openSession()) {
                busy.query("select 1 as x");
                Bind bindC = m.forUrl(c); // A is least recently used but busy: B goes
                assertThat(bindA.isClosed()).isFalse();
                assertThat(bindB.isClosed()).isTrue();
                assertThat(bindC.isClosed()).isFalse();
                assertThat(m.runtimeBindCount()).isEqualTo(2);
            }
            m.forUrl(c);
            m.forUrl(b); // now A is idle and least recently used
            assertThat(bindA.isClosed()).isTrue();
            assertThat(m.runtimeBindCount()).isEqualTo(2);
        }
    }

    @Test
    void runtimeBindsShareOneHousekeepingThread() throws InterruptedException {
        long housekeepersBefore = threadNames().stream().filter(n -> n.startsWith("bind-housekeeper-")).count();
        int threadsBefore = Thread.activeCount();
        try (BindManager m = BindManager.builder().maxRuntimeBinds(200).build()) {
            for (int i = 0; i < 60; i++) {
                m.forUrl("jdbc:h2:mem:hk_" + i + ";DB_CLOSE_DELAY=-1").useSession(s -> s.query("select 1 as x"));
            }
            Set<String> names = threadNames();
            assertThat(names.stream().filter(n -> n.endsWith(" housekeeper"))).as("HikariCP's per-pool housekeepers").isEmpty();
            assertThat(names.stream().filter(n -> n.startsWith("bind-housekeeper-")).count()).isEqualTo(housekeepersBefore + 1);
            assertThat(m.runtimeBindCount()).isEqualTo(60);
            // HikariCP's connection-adder threads end after 5 s idle: 60 open pools then cost almost no threads
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Thread.activeCount() - threadsBefore > 5 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Thread.activeCount() - threadsBefore).as("threads added by 60 open binds").isLessThanOrEqualTo(5);
        }
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
    }

    @Test
    void poolListenerCanConfigureEveryConnection() {
        BindListener appName = new BindListener() {
            @Override
            public void configurePool(BindConfig bind, com.zaxxer.hikari.HikariConfig pool) {
                pool.setConnectionInitSql("SET @TENANT = '" + bind.name() + "'");
            }
        };
        try (BindManager m = BindManager.builder().add(h2("acme")).listener(appName).build()) {
            String tenant = m.bind("acme").withSession(s -> s.queryOne("select @TENANT as t").orElseThrow().getString("t"));
            assertThat(tenant).isEqualTo("acme");
        }
    }

    @Test
    void closeIsIdempotentAndThreadSafe() throws Exception {
        BindManager m = BindManager.of(List.of(h2("default"), h2("other")));
        Bind other = m.bind("other");
        m.forUrl("jdbc:h2:mem:close_rt;DB_CLOSE_DELAY=-1");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(threads.submit(() -> {
                start.await();
                m.close();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();
        m.close();
        assertThat(m.isClosed()).isTrue();
        assertThat(other.isClosed()).isTrue();
        assertThat(m.runtimeBindCount()).isZero();
        assertThatThrownBy(() -> m.bind("other")).isInstanceOf(BindClosedException.class);
        assertThatThrownBy(other::openSession).isInstanceOf(BindClosedException.class);
    }

    @Test
    void unreachableManagerIsCollectedAndItsPoolsClosed() throws Exception {
        Bind[] kept = new Bind[1];
        WeakReference<BindManager> ref = create(kept);
        assertThat(kept[0].isClosed()).isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((ref.get() != null || !kept[0].isClosed()) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(ref.get()).as("the shutdown hook must not keep the manager alive").isNull();
        assertThat(kept[0].isClosed()).as("the cleaner closes the pools of an unreachable manager").isTrue();
    }

    private static WeakReference<BindManager> create(Bind[] kept) {
        BindManager m = BindManager.of(h2("collected"));
        kept[0] = m.bind("collected");
        kept[0].useSession(s -> s.query("select 1 as x"));
        return new WeakReference<>(m);
    }

    /** Counted in pg_stat_activity and information_schema.processlist; H2 keeps no server sessions to count. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = DatabaseKind.class, names = {"POSTGRES", "MARIADB"})
    void closeLeavesNoConnectionOnTheServer(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase()) {
            BindConfig config = TestBinds.config(db, "default").pool(Map.of("minimum-idle", 3, "maximum-pool-size", 5)).build();
            BindManager m = BindManager.builder().add(config).runtimeTemplate(config).build();
            m.bind("default").useSession(s -> s.query("select 1 as x"));
            m.forUrl(db.jdbcUrl()).useSession(s -> s.query("select 1 as x"));
            BindSession open = m.openSession();
            open.query("select 1 as x");
            assertThat(db.awaitOpenConnections(6, Duration.ofSeconds(10))).isGreaterThanOrEqualTo(2);
            m.close();
            assertThat(db.awaitOpenConnections(0, Duration.ofSeconds(10))).isZero();
        }
    }
}
