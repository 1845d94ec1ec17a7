package dev.binds.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server reached over the network (PostgreSQL, MariaDB): every operation opens a short admin
 * connection to the server's maintenance database, so no admin connection is ever counted as a leak.
 */
abstract class RemoteServer extends DatabaseServer {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteServer.class);

    final ServerSettings settings;
    private Boolean reachable;
    private String unreachableReason;

    RemoteServer(ServerSettings settings) {
        this.settings = settings;
    }

    /** Driver properties that keep a dead server from hanging the tests. */
    abstract Properties timeouts();

    /** The product name and the exact command that starts the local server. */
    abstract String productName();

    abstract String startCommand();

    abstract String envPrefix();

    @Override
    public String jdbcUrl(String databaseName) {
        return settings.urlFor(checkName(databaseName));
    }

    @Override
    public String username() {
        return settings.username();
    }

    @Override
    public String password() {
        return settings.password();
    }

    @Override
    public synchronized boolean isReachable() {
        if (reachable == null) {
            try (Connection ignored = admin()) {
                reachable = true;
            } catch (SQLException e) {
                reachable = false;
                unreachableReason = e.getMessage();
            }
        }
        return reachable;
    }

    @Override
    final String unavailableMessage() {
        return productName() + " is not reachable at " + settings.safeUrl() + " as user '" + settings.username()
                + "' (" + unreachableReason + "). Start it with: " + startCommand()
                + " -- or point the tests at another server with " + envPrefix() + "_URL, "
                + envPrefix() + "_USER and " + envPrefix() + "_PASSWORD.";
    }

    Connection admin() throws SQLException {
        Properties properties = timeouts();
        properties.setProperty("user", settings.username());
        properties.setProperty("password", settings.password());
        return DriverManager.getConnection(settings.url(), properties);
    }

    void execute(String sql, String database) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, database, e);
        }
    }

    int count(String sql, String parameter) {
        try (Connection c = admin(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failure(sql, parameter, e);
        }
    }

    List<String> names(String sql, String parameter) {
        try (Connection c = admin(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw failure(sql, parameter, e);
        }
    }

    /** All database names matching the LIKE pattern. */
    abstract List<String> databasesLike(String likePattern);

    @Override
    public int dropLeftovers(Duration olderThan) {
        Instant cutoff = Instant.now().minus(olderThan);
        int dropped = 0;
        for (String name : databasesLike(IsolatedDatabase.NAME_PREFIX.replace("_", "\\_") + "%")) {
            Instant created = IsolatedDatabase.createdAt(name);
            if (created != null && created.isBefore(cutoff)) {
                LOG.info("Dropping leftover test database {} on {} (created {})", name, productName(), created);
                dropDatabase(name);
                dropped++;
            }
        }
        return dropped;
    }

    final IllegalStateException failure(String sql, String database, SQLException e) {
        return new IllegalStateException(productName() + " at " + settings.safeUrl() + ": '" + sql
                + "' failed for database " + database + ": " + e.getMessage(), e);
    }
}
