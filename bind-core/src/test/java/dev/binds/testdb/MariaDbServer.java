package dev.binds.testdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The MariaDB server; the admin connection goes to its database {@code test} by default. */
final class MariaDbServer extends RemoteServer {

    private static final String CONNECTIONS_TO =
            "SELECT id FROM information_schema.processlist WHERE db = ? AND id <> connection_id()";

    MariaDbServer(ServerSettings settings) {
        super(settings);
    }

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    Properties timeouts() {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "5000");
        return p;
    }

    @Override
    String productName() {
        return "MariaDB";
    }

    @Override
    String startCommand() {
        return "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";
    }

    @Override
    String envPrefix() {
        return "BIND_TEST_MARIADB";
    }

    @Override
    public void createDatabase(String name) {
        execute("CREATE DATABASE " + checkName(name) + " CHARACTER SET utf8mb4", name);
    }

    @Override
    public void dropDatabase(String name) {
        String sql = "DROP DATABASE IF EXISTS " + checkName(name);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            // A leaked connection with an open transaction holds metadata locks that would block the
            // drop for lock_wait_timeout (a year by default): end those connections first, as FORCE does.
            for (long id : connectionIds(c, name)) {
                try {
                    s.execute("KILL CONNECTION " + id);
                } catch (SQLException gone) {
                    // ended on its own meanwhile
                }
            }
            s.execute("SET SESSION lock_wait_timeout = 30");
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, name, e);
        }
    }

    private static List<Long> connectionIds(Connection c, String name) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CONNECTIONS_TO)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    @Override
    public boolean databaseExists(String name) {
        return count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?", name) > 0;
    }

    @Override
    public int openConnections(String databaseName) {
        return count("SELECT count(*) FROM information_schema.processlist WHERE db = ? AND id <> connection_id()",
                databaseName);
    }

    @Override
    List<String> databasesLike(String likePattern) {
        return names("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?", likePattern);
    }
}
