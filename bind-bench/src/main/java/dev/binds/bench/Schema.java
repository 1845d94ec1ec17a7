package dev.binds.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmark tables, created afresh for every trial through a connection outside both pools. */
final class Schema {

    /** Rows of {@code bench_account}: ids 1 … {@value}. */
    static final int ACCOUNTS = 10_000;
    /** Keys of {@code bench_kv} present before a run: 1 … {@value}; every other key is a miss. */
    static final int PRELOADED_KEYS = 1_000;

    private Schema() {
    }

    static void accounts(Endpoint e) throws SQLException {
        Databases.ensureExists(e.db());
        try (Connection c = e.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_account");
            st.execute("CREATE TABLE bench_account (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, balance BIGINT NOT NULL)");
            st.execute("INSERT INTO bench_account (id, name, balance) " + switch (e.db()) {
                case Databases.POSTGRES -> "SELECT g, 'name-' || g, 1000 FROM generate_series(1, " + ACCOUNTS + ") g";
                case Databases.MARIADB -> "SELECT seq, CONCAT('name-', seq), 1000 FROM seq_1_to_" + ACCOUNTS;
                default -> "SELECT X, 'name-' || X, 1000 FROM SYSTEM_RANGE(1, " + ACCOUNTS + ")";
            });
        }
    }

    static void keyValues(Endpoint e) throws SQLException {
        Databases.ensureExists(e.db());
        try (Connection c = e.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_kv");
            st.execute(switch (e.db()) {
                case Databases.POSTGRES -> "CREATE TABLE bench_kv (id BIGSERIAL PRIMARY KEY, k BIGINT NOT NULL UNIQUE, v BIGINT NOT NULL)";
                case Databases.MARIADB -> "CREATE TABLE bench_kv (id BIGINT AUTO_INCREMENT PRIMARY KEY, k BIGINT NOT NULL UNIQUE,"
                        + " v BIGINT NOT NULL) ENGINE=InnoDB";
                default -> "CREATE TABLE bench_kv (id BIGINT AUTO_INCREMENT PRIMARY KEY, k BIGINT NOT NULL UNIQUE, v BIGINT NOT NULL)";
            });
            st.execute("INSERT INTO bench_kv (k, v) " + switch (e.db()) {
                case Databases.POSTGRES -> "SELECT g, g FROM generate_series(1, " + PRELOADED_KEYS + ") g";
                case Databases.MARIADB -> "SELECT seq, seq FROM seq_1_to_" + PRELOADED_KEYS;
                default -> "SELECT X, X FROM SYSTEM_RANGE(1, " + PRELOADED_KEYS + ")";
            });
        }
    }

    /**
     * Checks {@code bench_kv} after a run: one row per distinct key, and exactly the preloaded keys
     * plus every fresh key the run handed out.
     *
     * @throws IllegalStateException naming what is wrong
     */
    static void verifyKeyValues(Endpoint e, long freshKeysIssued, String what) throws SQLException {
        try (Connection c = e.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT k), MIN(k), MAX(k) FROM bench_kv")) {
            rs.next();
            long rows = rs.getLong(1);
            long distinct = rs.getLong(2);
            long expected = PRELOADED_KEYS + freshKeysIssued;
            if (rows != distinct || rows != expected || rs.getLong(3) != 1 || rs.getLong(4) != expected) {
                throw new IllegalStateException(what + ": bench_kv is wrong after the run: " + rows + " rows, " + distinct
                        + " distinct keys, keys " + rs.getLong(3) + ".." + rs.getLong(4) + "; expected " + expected
                        + " rows with keys 1.." + expected);
            }
        }
    }
}
