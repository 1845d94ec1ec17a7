package dev.binds.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.binds.Bind;
import dev.binds.BindConfig;
import dev.binds.Dialect;
import dev.binds.PoolState;

import java.util.Map;

/**
 * The pools one benchmark compares, each created only when the benchmark method running in this
 * fork uses it: the bind ({@code bind*} methods), and its baseline, a HikariCP pool created by hand
 * with exactly the settings {@code Bind} gives its own pool (same URL, credentials, driver,
 * {@value #SIZE} connections, {@code autoCommit=false}). A third pool with {@code autoCommit=true}
 * serves the baselines named {@code *AutoCommit}: what plain JDBC without a transaction costs.
 */
final class Pools implements AutoCloseable {

    /** Connections per pool, on both sides: enough for the 8-thread runs. */
    static final int SIZE = 8;

    final Bind bind;
    final HikariDataSource raw;
    final HikariDataSource rawAutoCommit;

    private Pools(Bind bind, HikariDataSource raw, HikariDataSource rawAutoCommit) {
        this.bind = bind;
        this.raw = raw;
        this.rawAutoCommit = rawAutoCommit;
    }

    /**
     * @param method the running benchmark's name (JMH's {@code BenchmarkParams.getBenchmark()}), or
     *               {@code null} for all three pools
     */
    static Pools open(Endpoint endpoint, String method) {
        String m = method == null ? null : method.substring(method.lastIndexOf('.') + 1);
        boolean autoCommitBaseline = m != null && m.endsWith("AutoCommit");
        Bind bind = m == null || m.startsWith("bind") ? bind(endpoint) : null;
        HikariDataSource raw = m == null || (m.startsWith("raw") && !autoCommitBaseline) ? raw(endpoint, false) : null;
        HikariDataSource rawAuto = m == null || autoCommitBaseline ? raw(endpoint, true) : null;
        return new Pools(bind, raw, rawAuto);
    }

    static Bind bind(Endpoint endpoint) {
        return Bind.create(BindConfig.builder("bench-" + endpoint.db())
                .url(endpoint.url()).username(endpoint.user()).password(endpoint.password())
                .pool(Map.of("maximum-pool-size", SIZE))
                .build());
    }

    /** What {@code Bind} sets on its HikariCP configuration, done by hand. */
    static HikariDataSource raw(Endpoint endpoint, boolean autoCommit) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("raw-" + endpoint.db() + (autoCommit ? "-autocommit" : ""));
        hc.setJdbcUrl(endpoint.url());
        hc.setUsername(endpoint.user());
        hc.setPassword(endpoint.password());
        hc.setDriverClassName(Dialect.forUrl(endpoint.url()).driverClassName());
        hc.setAutoCommit(autoCommit);
        hc.setMaximumPoolSize(SIZE);
        return new HikariDataSource(hc);
    }

    /** Waits until every pool has opened all its connections, so that no connection is opened while round trips are counted. */
    void awaitFull() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean full = true;
            if (bind != null) {
                PoolState s = bind.poolState();
                full = s != null && s.active() + s.idle() >= SIZE;
            }
            for (HikariDataSource ds : new HikariDataSource[] {raw, rawAutoCommit}) {
                if (ds != null) {
                    var mx = ds.getHikariPoolMXBean();
                    full &= mx.getTotalConnections() >= SIZE;
                }
            }
            if (full) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the pools did not fill within 10 s");
    }

    @Override
    public void close() {
        if (bind != null) {
            bind.close();
        }
        if (raw != null) {
            raw.close();
        }
        if (rawAutoCommit != null) {
            rawAutoCommit.close();
        }
    }
}
