package dev.binds.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * One database server (or, for H2, the in-memory engine) as seen by the tests: creates, drops and
 * inspects databases through an admin connection. Obtain it with {@link DatabaseKind#server()}.
 *
 * @since 0.1
 */
public abstract class DatabaseServer {

    /** Names the tests may create and drop: nothing to quote, nothing to inject. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    DatabaseServer() {
    }

    /** Which kind of database this server holds. */
    public abstract DatabaseKind kind();

    /** The JDBC URL of the database {@code databaseName} on this server. */
    public abstract String jdbcUrl(String databaseName);

    /** The user that tests connect as. */
    public abstract String username();

    /** The password of {@link #username()}. */
    public abstract String password();

    /** Whether the server accepts the admin connection; checked once per JVM. */
    public abstract boolean isReachable();

    /**
     * Returns when the server is reachable. Otherwise fails with a message saying what to start when
     * the environment variable {@code CI} is {@code true}, and skips the current test when it is not.
     */
    public final void requireAvailable() {
        requireAvailable(isCi());
    }

    final void requireAvailable(boolean ci) {
        if (isReachable()) {
            return;
        }
        String message = unavailableMessage();
        if (ci) {
            throw new IllegalStateException(message + " CI=true: tests that need this server fail instead of skipping.");
        }
        Assumptions.assumeTrue(false, "Skipped: " + message);
    }

    /** What is unreachable, why, and the exact command that starts it. */
    abstract String unavailableMessage();

    /** Creates the empty database {@code name}. */
    public abstract void createDatabase(String name);

    /** Drops the database {@code name} if it exists, closing whatever connections it still has. */
    public abstract void dropDatabase(String name);

    /** Whether the database {@code name} exists. */
    public abstract boolean databaseExists(String name);

    /** How many connections to {@code databaseName} are open now, not counting the one asking. */
    public abstract int openConnections(String databaseName);

    /**
     * Drops databases left behind by earlier test runs (named {@code bind_t_*}) created more than
     * {@code olderThan} ago; returns how many it dropped.
     */
    public abstract int dropLeftovers(Duration olderThan);

    /** Opens a connection to the database {@code databaseName} as {@link #username()}. */
    public Connection connect(String databaseName) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(checkName(databaseName)), username(), password());
    }

    static String checkName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a test database name: '" + name
                    + "' (expected lower-case letters, digits and '_', starting with a letter)");
        }
        return name;
    }

    static boolean isCi() {
        return "true".equalsIgnoreCase(System.getProperty("CI", System.getenv("CI")));
    }

    @Override
    public String toString() {
        return kind().name();
    }
}
