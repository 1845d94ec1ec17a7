package dev.binds.bench;

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
 * Benchmark 3: a unit of work — begin, select a balance, update it, commit — through
 * {@code Bind.inTransaction}, against the same two prepared statements on a raw HikariCP connection
 * with {@code autoCommit=false} and an explicit {@code commit()} (rollback on failure).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UnitOfWorkBenchmark {

    static final String SELECT = "SELECT balance FROM bench_account WHERE id = ?";
    static final String UPDATE = "UPDATE bench_account SET balance = ? WHERE id = ?";
    private static final RowMapper<Long> LONG = rs -> rs.getLong(1);

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
    public long bindTransaction() {
        long id = SelectByPkBenchmark.randomId();
        return pools.bind.inTransaction(s -> {
            long balance = s.queryOne(SELECT, LONG, id).orElseThrow();
            s.update(UPDATE, balance + 1, id);
            return balance;
        });
    }

    @Benchmark
    public long rawTransaction() throws SQLException {
        long id = SelectByPkBenchmark.randomId();
        try (Connection c = pools.raw.getConnection()) {
            try {
                long balance;
                try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        balance = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                    ps.setLong(1, balance + 1);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                c.commit();
                return balance;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
