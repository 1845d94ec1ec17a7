package dev.binds.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's own count of the transactions one side ran per operation: the growth of
 * {@code xact_commit + xact_rollback} in {@code pg_stat_database} for the benchmark database, read
 * from the {@code postgres} database so that reading does not count. A backend publishes its counts
 * when it exits, so each measurement opens the side's pool, runs the operations, closes the pool and
 * waits until no backend is left on the database; the same without operations gives what opening
 * and closing a pool costs, which is subtracted. This checks, on the server, that the session adds
 * no transaction of its own (a rollback when it is released, a transaction to set something up).
 */
final class ServerTransactions {

    /** One side of a benchmark, opened on an endpoint: its pools and its operation. */
    record Side(Pools pools, RoundTrips.Op op) {
    }

    @FunctionalInterface
    interface Opener {
        Side open(Endpoint endpoint) throws Exception;
    }

    private ServerTransactions() {
    }

    static double perOp(Endpoint real, int ops, Opener opener) throws Exception {
        long poolOnly = run(real, 0, opener);
        long withOps = run(real, ops, opener);
        return (withOps - poolOnly) / (double) ops;
    }

    private static long run(Endpoint real, int ops, Opener opener) throws Exception {
        long before = settled(real);
        Side side = opener.open(real);
        try {
            side.pools().awaitFull();
            for (int i = 0; i < ops; i++) {
                side.op().run();
            }
        } finally {
            side.pools().close();
        }
        return settled(real) - before;
    }

    /** Waits until no backend is connected to the benchmark database, then reads its transaction count. */
    private static long settled(Endpoint e) throws SQLException, InterruptedException {
        String url = "jdbc:postgresql://" + e.host() + ":" + e.port() + "/postgres?sslmode=disable";
        try (Connection c = DriverManager.getConnection(url, e.user(), e.password()); Statement st = c.createStatement()) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                        + Databases.DATABASE + "'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("backends still connected to " + Databases.DATABASE + " after 10 s");
                }
                Thread.sleep(20);
            }
            // a backend leaves pg_stat_activity just before it publishes its counts
            Thread.sleep(200);
            st.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = st.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '"
                    + Databases.DATABASE + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
