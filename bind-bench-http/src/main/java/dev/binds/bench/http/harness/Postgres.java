package dev.binds.bench.http.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * The PostgreSQL server the benchmarks use, and their own database on it ({@value #DATABASE}), dropped
 * and recreated by every run; never the tests' {@code bind_t_*} or {@code bindtest_*} databases. Host,
 * port, user and password come from {@code BIND_BENCH_POSTGRES_HOST}, {@code _PORT}, {@code _USER},
 * {@code _PASSWORD} (environment variables or system properties), as in {@code bind-bench}. The
 * counting queries run on an administrative connection to database {@code postgres}, so they never
 * count themselves.
 */
final class Postgres implements AutoCloseable {

    /** The database the HTTP and start-up benchmarks own: {@value}. */
    static final String DATABASE = "bind_bench_http";
    /** Rows of {@code bench_account}: ids 1 … {@value}. */
    static final int ACCOUNTS = 10_000;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private Connection admin;

    private Postgres(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    static Postgres fromEnvironment() {
        return new Postgres(setting("HOST", "127.0.0.1"), Integer.parseInt(setting("PORT", "5432")),
                setting("USER", "postgres"), setting("PASSWORD", ""));
    }

    /** @return {@code null} when the server answers, else why not and how to start it */
    String unreachable() {
        try {
            admin();
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + host + ":" + port + " is not reachable as " + user + " (" + e.getMessage()
                    + "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
        }
    }

    String url() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Drops (closing its connections) and recreates the benchmark database, with {@code bench_account} in it. */
    void recreateWithAccounts() throws SQLException {
        try (Statement st = admin().createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection c = DriverManager.getConnection(url(), user, password); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_account (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL,"
                    + " balance BIGINT NOT NULL, hits BIGINT NOT NULL)");
            st.execute("INSERT INTO bench_account (id, name, balance, hits)"
                    + " SELECT g, 'name-' || g, 1000, 0 FROM generate_series(1, " + ACCOUNTS + ") g");
            st.execute("VACUUM ANALYZE bench_account");
        }
    }

    /** @return the client connections open to the benchmark database now */
    int connections() throws SQLException {
        return (int) single("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + DATABASE
                + "' AND backend_type = 'client backend'");
    }

    /** @return how many connections were ever opened to the benchmark database ({@code pg_stat_database.sessions}) */
    long sessionsOpened() throws SQLException {
        return single("SELECT coalesce(sum(sessions), 0) FROM pg_stat_database WHERE datname = '" + DATABASE + "'");
    }

    String serverVersion() throws SQLException {
        try (Statement st = admin().createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    int maxConnections() throws SQLException {
        return (int) single("SELECT setting::int FROM pg_settings WHERE name = 'max_connections'");
    }

    /** Waits until an application that stopped has closed its connections, so the next one starts from zero. */
    void awaitNoConnections(Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connections() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(connections() + " connection(s) to " + DATABASE
                        + " still open " + timeout.toSeconds() + " s after the application stopped");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws SQLException {
        if (admin != null) {
            admin.close();
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement st = admin().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection admin() throws SQLException {
        if (admin == null || admin.isClosed()) {
            admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
        }
        return admin;
    }

    private static String setting(String key, String fallback) {
        String name = "BIND_BENCH_POSTGRES_" + key;
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    @Override
    public String toString() {
        return "PostgreSQL " + user + "@" + host + ":" + port + "/" + DATABASE.toLowerCase(Locale.ROOT);
    }
}
