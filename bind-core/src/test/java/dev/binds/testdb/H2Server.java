package dev.binds.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The in-memory H2 engine of this JVM: always available. A database lives until it is dropped
 * ({@code DB_CLOSE_DELAY=-1}); dropping shuts it down, which also closes its connections.
 */
final class H2Server extends DatabaseServer {

    /** H2's error code for "database not found" when connecting with {@code IFEXISTS=TRUE}. */
    private static final int DATABASE_NOT_FOUND = 90146;

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    @Override
    public String jdbcUrl(String databaseName) {
        return "jdbc:h2:mem:" + checkName(databaseName) + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    public String username() {
        return "sa";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public boolean isReachable() {
        return true;
    }

    @Override
    String unavailableMessage() {
        return "H2 is embedded and always available.";
    }

    @Override
    public void createDatabase(String name) {
        if (databaseExists(name)) {
            throw new IllegalStateException("H2 database " + name + " already exists");
        }
        try (Connection ignored = connect(name)) {
            // opening it creates it; DB_CLOSE_DELAY=-1 keeps it after this connection closes
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create H2 database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void dropDatabase(String name) {
        try (Connection c = existing(name)) {
            if (c != null) {
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop H2 database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean databaseExists(String name) {
        try (Connection c = existing(name)) {
            return c != null;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot inspect H2 database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int openConnections(String databaseName) {
        try (Connection c = existing(databaseName)) {
            if (c == null) {
                return 0;
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(
                         "SELECT count(*) FROM information_schema.sessions WHERE session_id <> session_id()")) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count connections of H2 database " + databaseName
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int dropLeftovers(Duration olderThan) {
        return 0; // in-memory databases die with the JVM
    }

    /** A connection to the database if it exists, else {@code null}; never creates it. */
    private Connection existing(String name) throws SQLException {
        try {
            return DriverManager.getConnection("jdbc:h2:mem:" + checkName(name) + ";IFEXISTS=TRUE", username(), password());
        } catch (SQLException e) {
            if (e.getErrorCode() == DATABASE_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
