package dev.binds.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * A PostgreSQL server. Test databases are {@code CREATE DATABASE … TEMPLATE …} copies of a template that
 * was migrated once; templates are built under an advisory lock and published by renaming, so a fork
 * never sees half a template.
 */
final class PostgresServer extends RemoteServer {

    /** {@code 'bindtest'} as a number: the advisory lock every JVM building templates takes. */
    private static final long TEMPLATE_LOCK = 0x62696e6474657374L;
    private static final String INVALID_CATALOG = "3D000";
    private static final String OBJECT_IN_USE = "55006";

    PostgresServer(String origin, ServerSettings settings) {
        super(DatabaseKind.POSTGRES, origin, settings);
    }

    @Override
    Properties timeouts() {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "10");
        return p;
    }

    @Override
    void createEmpty(String name) throws SQLException {
        execute("CREATE DATABASE " + DatabaseNames.check(name));
    }

    @Override
    boolean supportsTemplates() {
        return true;
    }

    @Override
    <T> T withTemplateLock(Callable<T> work) throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + TEMPLATE_LOCK + ")");
            try {
                return work.call();
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + TEMPLATE_LOCK + ")");
            }
        }
    }

    @Override
    boolean publishTemplate(String build, String template) throws SQLException {
        // the migrating pool has closed, but its backends may take a moment to exit
        retryWhileInUse("ALTER DATABASE " + DatabaseNames.check(build) + " RENAME TO " + DatabaseNames.check(template));
        return true;
    }

    @Override
    void createFromTemplate(String name, String template) throws SQLException {
        try {
            retryWhileInUse("CREATE DATABASE " + DatabaseNames.check(name) + " TEMPLATE " + DatabaseNames.check(template));
        } catch (SQLException e) {
            if (INVALID_CATALOG.equals(e.getSQLState())) {
                throw new TemplateGoneException(template, e);
            }
            throw e;
        }
    }

    /** PostgreSQL itself waits 5 s for other sessions of the source database; then we try twice more. */
    private void retryWhileInUse(String sql) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                execute(sql);
                return;
            } catch (SQLException e) {
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    void drop(String name) throws SQLException {
        // FORCE ends the connections a test leaked; without it the drop would fail
        execute("DROP DATABASE IF EXISTS " + DatabaseNames.check(name) + " WITH (FORCE)");
    }

    @Override
    int openConnections(String name) throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()", name);
    }

    @Override
    List<String> databases(String prefix) throws SQLException {
        try (Connection c = admin()) {
            return strings(c, "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname", prefix);
        }
    }
}
