package dev.binds.bench;

import dev.binds.BindSession;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 2: read one row by primary key in a session of its own — through
 * {@code BindSession.queryOne} with a {@code RowMapper}, through {@code getByPk} (a {@code Row}), and
 * through a prepared statement on a raw HikariCP connection, mapped to the same record. Each
 * operation takes a connection and gives it back, as a request would; a random one of
 * {@value Schema#ACCOUNTS} ids each time. The suite runs it with 1 and 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SelectByPkBenchmark {

    @Param({Databases.POSTGRES, Databases.MARIADB})
    public String db;

    Pools pools;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) throws SQLException {
        open(Databases.endpoint(db), params.getBenchmark());
    }

    void open(Endpoint endpoint, String method) throws SQLException {
        Schema.accounts(endpoint);
        pools = Pools.open(endpoint, method);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pools.close();
    }

    @Benchmark
    public Account bindQueryOne() {
        try (BindSession s = pools.bind.openSession()) {
            return s.queryOne(Account.SELECT_BY_ID, Account.MAPPER, randomId()).orElseThrow();
        }
    }

    @Benchmark
    public Row bindGetByPk() {
        try (BindSession s = pools.bind.openSession()) {
            return s.getByPk("bench_account", randomId()).orElseThrow();
        }
    }

    @Benchmark
    public Account rawJdbc() throws SQLException {
        try (Connection c = pools.raw.getConnection()) {
            return select(c, randomId());
        }
    }

    /** Not like for like (no transaction, so no rollback at the end): what the transactional pool costs. */
    @Benchmark
    public Account rawJdbcAutoCommit() throws SQLException {
        try (Connection c = pools.rawAutoCommit.getConnection()) {
            return select(c, randomId());
        }
    }

    static Account select(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Account.SELECT_BY_ID)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no account " + id);
                }
                return Account.MAPPER.map(rs);
            }
        }
    }

    static long randomId() {
        return ThreadLocalRandom.current().nextLong(1, Schema.ACCOUNTS + 1);
    }
}
