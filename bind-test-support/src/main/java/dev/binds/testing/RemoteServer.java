package dev.binds.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A PostgreSQL or MariaDB server reached through an admin connection. */
abstract class RemoteServer extends DatabaseServer {

    final ServerSettings settings;

    RemoteServer(DatabaseKind kind, String origin, ServerSettings settings) {
        super(kind, origin);
        this.settings = settings;
    }

    /** Driver properties that keep a dead server from hanging the tests. */
    abstract Properties timeouts();

    @Override
    String jdbcUrl(String name, String options) {
        return settings.urlFor(DatabaseNames.check(name));
    }

    @Override
    String username() {
        return settings.username();
    }

    @Override
    String password() {
        return settings.password();
    }

    @Override
    Connection admin() throws SQLException {
        Properties p = timeouts();
        p.setProperty("user", settings.username());
        p.setProperty("password", settings.password());
        Connection c = DriverManager.getConnection(settings.url(), p);
        c.setAutoCommit(true);
        return c;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    int count(String sql, String parameter) throws SQLException {
        try (Connection c = admin(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<String> strings(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return kind().productName() + " at " + settings.safeUrl() + " (" + origin() + ")";
    }
}
