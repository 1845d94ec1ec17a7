package dev.binds.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * A MariaDB server. MariaDB has no {@code CREATE DATABASE … TEMPLATE}; its honest equivalent here: the
 * migrations are applied once to a template schema, and each test database gets the template's tables
 * ({@code SHOW CREATE TABLE}, so keys, indexes, foreign keys and {@code AUTO_INCREMENT} positions are
 * kept) and their rows ({@code INSERT … SELECT}). A schema with views, routines, triggers, events or
 * sequences is not copied that way: its test databases are migrated each time instead.
 */
final class MariaDbServer extends RemoteServer {

    private static final String LOCK = "bindtest_templates";
    private static final int NO_SUCH_TABLE = 1146;
    private static final int NO_SUCH_DATABASE = 1049;
    private static final String NOT_COPYABLE = "SELECT (SELECT count(*) FROM information_schema.tables"
            + " WHERE table_schema = ? AND table_type <> 'BASE TABLE')"
            + " + (SELECT count(*) FROM information_schema.routines WHERE routine_schema = ?)"
            + " + (SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = ?)"
            + " + (SELECT count(*) FROM information_schema.events WHERE event_schema = ?)";
    private static final String TABLES = "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name";

    MariaDbServer(String origin, ServerSettings settings) {
        super(DatabaseKind.MARIADB, origin, settings);
    }

    @Override
    Properties timeouts() {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "5000");
        return p;
    }

    @Override
    void createEmpty(String name) throws SQLException {
        execute("CREATE DATABASE " + DatabaseNames.check(name) + " CHARACTER SET utf8mb4");
    }

    @Override
    boolean supportsTemplates() {
        return true;
    }

    @Override
    <T> T withTemplateLock(Callable<T> work) throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT GET_LOCK('" + LOCK + "', 600)")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("Timed out waiting for lock " + LOCK + " on " + this);
                }
            }
            try {
                return work.call();
            } finally {
                s.execute("SELECT RELEASE_LOCK('" + LOCK + "')");
            }
        }
    }

    @Override
    String findTemplate(String prefix) throws SQLException {
        String found = super.findTemplate(prefix);
        if (found != null) {
            try (Connection c = admin()) {
                if (strings(c, TABLES, found).isEmpty()) {
                    // created, but the run that built it died before moving the tables in
                    dropQuietly(found, "incomplete template");
                    return null;
                }
            }
        }
        return found;
    }

    @Override
    boolean publishTemplate(String build, String template) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            if (Integer.parseInt(strings(c, NOT_COPYABLE, build, build, build, build).get(0)) > 0) {
                return false;
            }
            List<String> moves = new ArrayList<>();
            for (String table : strings(c, TABLES, build)) {
                moves.add(quote(build) + "." + quote(table) + " TO " + quote(template) + "." + quote(table));
            }
            s.execute("CREATE DATABASE " + DatabaseNames.check(template) + " CHARACTER SET utf8mb4");
            s.execute("RENAME TABLE " + String.join(", ", moves)); // one statement: all tables or none
            s.execute("DROP DATABASE " + DatabaseNames.check(build));
            return true;
        }
    }

    @Override
    void createFromTemplate(String name, String template) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            List<String> tables = strings(c, TABLES, template);
            if (tables.isEmpty()) {
                throw new TemplateGoneException(template, null);
            }
            s.execute("CREATE DATABASE " + DatabaseNames.check(name) + " CHARACTER SET utf8mb4");
            try {
                s.execute("USE " + name);
                s.execute("SET SESSION foreign_key_checks = 0");
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + quote(template) + "." + quote(table))) {
                        rs.next();
                        s.execute(rs.getString(2));
                    }
                }
                for (String table : tables) {
                    String columns = String.join(", ", strings(c, "SELECT concat('`', replace(column_name, '`', '``'), '`')"
                            + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                            + " AND is_generated = 'NEVER' ORDER BY ordinal_position", template, table));
                    s.execute("INSERT INTO " + quote(table) + " (" + columns + ") SELECT " + columns + " FROM "
                            + quote(template) + "." + quote(table));
                }
            } catch (SQLException e) {
                dropQuietly(name, "copy from template failed");
                if (e.getErrorCode() == NO_SUCH_TABLE || e.getErrorCode() == NO_SUCH_DATABASE) {
                    throw new TemplateGoneException(template, e);
                }
                throw e;
            }
        }
    }

    @Override
    void drop(String name) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            // a leaked connection inside a transaction holds metadata locks that would block the drop
            // for lock_wait_timeout (a year by default): end such connections first, as PostgreSQL's FORCE does
            for (String id : strings(c, "SELECT id FROM information_schema.processlist WHERE db = ?"
                    + " AND id <> connection_id()", DatabaseNames.check(name))) {
                try {
                    s.execute("KILL CONNECTION " + Long.parseLong(id));
                } catch (SQLException gone) {
                    // it ended on its own meanwhile
                }
            }
            s.execute("SET SESSION lock_wait_timeout = 30");
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    @Override
    int openConnections(String name) throws SQLException {
        return count("SELECT count(*) FROM information_schema.processlist WHERE db = ? AND id <> connection_id()", name);
    }

    @Override
    List<String> databases(String prefix) throws SQLException {
        try (Connection c = admin()) {
            return strings(c, "SELECT schema_name FROM information_schema.schemata WHERE left(schema_name, ?) = ?"
                    + " ORDER BY schema_name", prefix.length(), prefix);
        }
    }

    private static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }
}
