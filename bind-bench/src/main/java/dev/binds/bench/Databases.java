package dev.binds.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where the benchmarks run: H2 in memory, and the local PostgreSQL and MariaDB servers, each in a
 * database of its own ({@value #DATABASE}) that the suite drops and recreates. Never the tests'
 * {@code bind_t_*} databases. Host, port, user and password can be changed with
 * {@code BIND_BENCH_POSTGRES_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD} (and
 * {@code BIND_BENCH_MARIADB_*}), as environment variables or system properties.
 */
public final class Databases {

    public static final String H2 = "h2";
    public static final String POSTGRES = "postgres";
    public static final String MARIADB = "mariadb";
    /** The database the benchmarks own on each server: {@value}. */
    public static final String DATABASE = "bind_bench";

    private Databases() {
    }

    /** @return the endpoint of the benchmark database on that server */
    public static Endpoint endpoint(String db) {
        return switch (db) {
            case H2 -> new Endpoint(H2, null, 0, "sa", "");
            case POSTGRES -> new Endpoint(POSTGRES, setting(db, "HOST", "127.0.0.1"),
                    Integer.parseInt(setting(db, "PORT", "5432")), setting(db, "USER", "postgres"), setting(db, "PASSWORD", ""));
            case MARIADB -> new Endpoint(MARIADB, setting(db, "HOST", "127.0.0.1"),
                    Integer.parseInt(setting(db, "PORT", "3306")), setting(db, "USER", "root"), setting(db, "PASSWORD", ""));
            default -> throw new IllegalArgumentException("unknown database '" + db + "': use h2, postgres or mariadb");
        };
    }

    /**
     * @return {@code null} when the server answers, else why not and how to start it
     */
    public static String unreachable(String db) {
        if (H2.equals(db)) {
            return null;
        }
        Endpoint e = endpoint(db);
        try (Connection c = admin(e)) {
            return null;
        } catch (SQLException ex) {
            String start = POSTGRES.equals(db)
                    ? "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                    : "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";
            return db + " at " + e.host() + ":" + e.port() + " is not reachable (" + ex.getMessage()
                    + "); start it with: " + start;
        }
    }

    /** Drops and recreates the benchmark database, so that every suite run starts from nothing. */
    public static void recreate(String db) throws SQLException {
        if (H2.equals(db)) {
            return;
        }
        try (Connection c = admin(endpoint(db)); Statement st = c.createStatement()) {
            if (POSTGRES.equals(db)) {
                st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            } else {
                st.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
            st.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /** Creates the benchmark database unless it exists: for benchmarks started without the suite. */
    static void ensureExists(String db) throws SQLException {
        if (H2.equals(db)) {
            return;
        }
        try (Connection c = admin(endpoint(db)); Statement st = c.createStatement()) {
            if (MARIADB.equals(db)) {
                st.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
                return;
            }
            try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            try {
                st.execute("CREATE DATABASE " + DATABASE);
            } catch (SQLException raced) {
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
        }
    }

    /** A connection to the server's maintenance database, for creating and dropping the benchmark database. */
    private static Connection admin(Endpoint e) throws SQLException {
        String url = POSTGRES.equals(e.db())
                ? "jdbc:postgresql://" + e.host() + ":" + e.port() + "/postgres?sslmode=disable&connectTimeout=5"
                : "jdbc:mariadb://" + e.host() + ":" + e.port() + "/?connectTimeout=5000";
        return DriverManager.getConnection(url, e.user(), e.password());
    }

    private static String setting(String db, String what, String fallback) {
        String key = "BIND_BENCH_" + db.toUpperCase(Locale.ROOT) + "_" + what;
        String value = System.getProperty(key, System.getenv(key));
        return value == null || value.isBlank() ? fallback : value;
    }
}
