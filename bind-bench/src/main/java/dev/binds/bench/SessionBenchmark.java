package dev.binds.bench;

import dev.binds.BindSession;
import dev.binds.RowMapper;
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
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 1: open a session, run {@code select 1}, close it — against taking a connection from a
 * HikariCP pool, running the same prepared statement and closing it. Both pools have
 * {@code autoCommit=false}, so both end with one rollback (the session's {@code close()}, HikariCP's
 * reset of a dirty connection). On H2 in memory no network hides the library's own cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SessionBenchmark {

    static final String SQL = "select 1";
    private static final RowMapper<Integer> INT = rs -> rs.getInt(1);

    @Param({Databases.H2, Databases.POSTGRES})
    public String db;

    Pools pools;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        open(Databases.endpoint(db), params.getBenchmark());
    }

    void open(Endpoint endpoint, String method) {
        pools = Pools.open(endpoint, method);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pools.close();
    }

    @Benchmark
    public int bindSession() {
        try (BindSession s = pools.bind.openSession()) {
            return s.queryOne(SQL, INT).orElseThrow();
        }
    }

    @Benchmark
    public int rawJdbc() throws SQLException {
        try (Connection c = pools.raw.getConnection()) {
            return selectOne(c);
        }
    }

    /** Not like for like (no transaction at all): shows what the transactional pool costs. */
    @Benchmark
    public int rawJdbcAutoCommit() throws SQLException {
        try (Connection c = pools.rawAutoCommit.getConnection()) {
            return selectOne(c);
        }
    }

    private static int selectOne(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
