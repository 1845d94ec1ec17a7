package dev.binds.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * H2 in memory, in this JVM: always there. A database lives until dropped ({@code DB_CLOSE_DELAY=-1});
 * dropping shuts it down, which also ends its connections. Migrating an in-memory database is as fast as
 * copying one, so there are no templates.
 */
final class H2Server extends DatabaseServer {

    static final H2Server INSTANCE = new H2Server();

    /** H2's code for "database not found" when connecting with {@code IFEXISTS=TRUE}. */
    private static final int DATABASE_NOT_FOUND = 90146;

    private H2Server() {
        super(DatabaseKind.H2, "embedded");
    }

    @Override
    String jdbcUrl(String name, String options) {
        return "jdbc:h2:mem:" + DatabaseNames.check(name) + ";DB_CLOSE_DELAY=-1"
                + (options == null || options.isBlank() ? "" : ";" + options);
    }

    @Override
    String username() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }

    @Override
    void createEmpty(String name) throws SQLException {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl(name, null), username(), password())) {
            // opening it creates it; DB_CLOSE_DELAY=-1 keeps it after this connection closes
        }
    }

    @Override
    boolean supportsTemplates() {
        return false;
    }

    @Override
    <T> T withTemplateLock(Callable<T> work) throws Exception {
        return work.call();
    }

    @Override
    boolean publishTemplate(String build, String template) {
        return false;
    }

    @Override
    void createFromTemplate(String name, String template) {
        throw new UnsupportedOperationException("H2 test databases are migrated, not copied");
    }

    @Override
    void drop(String name) throws SQLException {
        try (Connection c = existing(name)) {
            if (c != null) {
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        }
    }

    @Override
    int openConnections(String name) throws SQLException {
        try (Connection c = existing(name)) {
            if (c == null) {
                return 0;
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM information_schema.sessions WHERE session_id <> session_id()")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    List<String> databases(String prefix) {
        return List.of(); // in-memory databases end with the JVM: no leftovers to find
    }

    @Override
    Connection admin() {
        throw new UnsupportedOperationException("H2 has no server to administer");
    }

    /** @return a connection to the database if it exists, else {@code null}; never creates it */
    private Connection existing(String name) throws SQLException {
        try {
            return DriverManager.getConnection("jdbc:h2:mem:" + DatabaseNames.check(name) + ";IFEXISTS=TRUE",
                    username(), password());
        } catch (SQLException e) {
            if (e.getErrorCode() == DATABASE_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
