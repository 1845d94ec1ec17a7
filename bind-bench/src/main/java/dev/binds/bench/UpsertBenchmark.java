package dev.binds.bench;

import dev.binds.BindSession;
import dev.binds.CreateResult;
import dev.binds.Row;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 4: {@code getOrCreate} and {@code updateOrCreate} on {@code bench_kv} (unique key
 * {@code k}), each in a transaction of its own, against the hand-written single statement
 * ({@link HandWritten}) and, for {@code getOrCreate}, the classic select-then-insert-then-retry.
 *
 * <p>A hit uses one of the {@value Schema#PRELOADED_KEYS} preloaded keys; a miss takes the next
 * fresh key from a shared counter, so that the hit ratio is exact and every miss inserts. After the
 * run the table must hold one row per distinct key, exactly the preloaded and the issued keys, and
 * every side that can tell must have reported exactly one {@code created} per fresh key; otherwise
 * the tear-down throws and JMH reports the benchmark as failed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UpsertBenchmark {

    static final String TABLE = "bench_kv";

    @Param({Databases.POSTGRES, Databases.MARIADB})
    public String db;

    /** Percentage of operations whose key exists: 0, 50, 99 (the round-trip count also uses 100). */
    @Param({"0", "50", "99"})
    public int hitRatio;

    Endpoint endpoint;
    Pools pools;
    HandWritten sql;
    private String method;
    private final AtomicLong nextFresh = new AtomicLong(Schema.PRELOADED_KEYS);
    private final AtomicLong created = new AtomicLong();
    /** Whether the running method can tell an insert from a hit, so {@link #created} must match the misses. */
    private boolean knowsCreated;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) throws SQLException {
        open(Databases.endpoint(db), params.getBenchmark());
    }

    void open(Endpoint endpoint, String benchmark) throws SQLException {
        this.endpoint = endpoint;
        this.method = benchmark == null ? "all" : benchmark.substring(benchmark.lastIndexOf('.') + 1);
        Schema.keyValues(endpoint);
        nextFresh.set(Schema.PRELOADED_KEYS);
        created.set(0);
        sql = HandWritten.forDb(endpoint.db());
        knowsCreated = method.startsWith("bind") || method.equals("rawGetOrCreateClassic")
                || (Databases.POSTGRES.equals(endpoint.db()) && method.startsWith("raw"));
        pools = Pools.open(endpoint, benchmark);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        try {
            verify();
        } finally {
            pools.close();
        }
    }

    void verify() throws SQLException {
        long fresh = nextFresh.get() - Schema.PRELOADED_KEYS;
        String what = method + " on " + endpoint.db() + " at " + hitRatio + "% hits";
        Schema.verifyKeyValues(endpoint, fresh, what);
        if (knowsCreated && created.get() != fresh) {
            throw new IllegalStateException(what + ": " + created.get() + " operations said they created a row, but "
                    + fresh + " fresh keys were used");
        }
    }

    @Benchmark
    public CreateResult<Row> bindGetOrCreate() {
        long k = nextKey();
        return created(pools.bind.inTransaction(s -> getOrCreate(s, k)));
    }

    @Benchmark
    public CreateResult<Row> bindUpdateOrCreate() {
        long k = nextKey();
        long v = ThreadLocalRandom.current().nextLong();
        return created(pools.bind.inTransaction(s -> updateOrCreate(s, k, v)));
    }

    @Benchmark
    public Kv rawGetOrCreate() throws SQLException {
        long k = nextKey();
        try (Connection c = pools.raw.getConnection()) {
            return count(commit(c, sql.getOrCreate(c, k, k)));
        }
    }

    @Benchmark
    public Kv rawGetOrCreateClassic() throws SQLException {
        long k = nextKey();
        try (Connection c = pools.raw.getConnection()) {
            return count(commit(c, sql.classicGetOrCreate(c, k, k)));
        }
    }

    @Benchmark
    public Kv rawUpdateOrCreate() throws SQLException {
        long k = nextKey();
        long v = ThreadLocalRandom.current().nextLong();
        try (Connection c = pools.raw.getConnection()) {
            return count(commit(c, sql.updateOrCreate(c, k, v)));
        }
    }

    static CreateResult<Row> getOrCreate(BindSession s, long k) {
        return s.getOrCreate(TABLE, Map.of("k", k), Map.of("v", k));
    }

    static CreateResult<Row> updateOrCreate(BindSession s, long k, long v) {
        return s.updateOrCreate(TABLE, Map.of("k", k), Map.of("v", v), Map.of());
    }

    /** @return a preloaded key with the probability of the hit ratio, else a key never used before */
    long nextKey() {
        if (hitRatio > 0 && ThreadLocalRandom.current().nextInt(100) < hitRatio) {
            return ThreadLocalRandom.current().nextLong(1, Schema.PRELOADED_KEYS + 1);
        }
        return nextFresh.incrementAndGet();
    }

    private static Kv commit(Connection c, Kv row) throws SQLException {
        c.commit();
        return row;
    }

    private CreateResult<Row> created(CreateResult<Row> r) {
        if (r.created()) {
            created.incrementAndGet();
        }
        return r;
    }

    private Kv count(Kv r) {
        if (r.created()) {
            created.incrementAndGet();
        }
        return r;
    }
}
