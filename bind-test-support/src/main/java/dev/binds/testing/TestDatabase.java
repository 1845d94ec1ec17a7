package dev.binds.testing;

import dev.binds.BindConfig;
import dev.binds.MigrationSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * A fresh database that belongs to one test class (or one test), migrated and ready: on the PostgreSQL or
 * MariaDB server that {@link DatabaseKind} finds, or in H2. Named {@code bindtest_<created>_<random>};
 * {@link #close()} drops it, ending any connection still open to it. Leftovers of a crashed run are dropped
 * by the next run once they are three hours old.
 *
 * <p>{@link BindExtension} and {@link BindTest} use it; use it directly with any other test framework.
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRES, "orders",
 *         MigrationSettings.DEFAULTS.withLocations(List.of("classpath:db/orders")));
 *      Bind orders = Bind.create(db.configFor("orders").build())) {
 *     orders.useTransaction(s -> s.update("insert into orders(ref) values (?)", "A-1"));
 *     orders.close();
 *     db.assertNoOpenConnections("my test");
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TestDatabase implements AutoCloseable {

    /** How long {@link #assertNoOpenConnections(String)} waits for servers to end closed connections. */
    static final Duration LEAK_GRACE = Duration.ofSeconds(2);

    private final DatabaseServer server;
    private final String name;
    private final String url;
    private final String bindName;
    private final MigrationSettings migrations;
    private final Provisioner.Method method;
    private final Duration provisioningTime;
    private boolean dropped;

    TestDatabase(DatabaseServer server, String name, String url, String bindName, MigrationSettings migrations,
                 Provisioner.Method method, Duration provisioningTime) {
        this.server = server;
        this.name = name;
        this.url = url;
        this.bindName = bindName;
        this.migrations = migrations;
        this.method = method;
        this.provisioningTime = provisioningTime;
    }

    /**
     * Creates a fresh database of the kind, with the migrations found in {@code classpath:db/<bindName>}
     * applied when there are any.
     *
     * @see #create(DatabaseKind, String, MigrationSettings)
     */
    public static TestDatabase create(DatabaseKind kind, String bindName) {
        return create(kind, bindName, MigrationSettings.DEFAULTS);
    }

    /**
     * Creates a fresh database of the kind, with the migrations applied (a copy of a template that was migrated
     * once, where the server allows).
     *
     * @param kind       which database
     * @param bindName   the bind it is for: names it in messages and gives the default migration location
     * @param migrations the bind's migration settings; disabled means an empty database
     * @return the database, owned by the caller, who closes it
     * @throws DatabaseUnavailableException under {@code CI=true} when no server can be found
     * @throws org.opentest4j.TestAbortedException elsewhere when no server can be found: the test is skipped
     * @throws dev.binds.MigrationFailedException when a migration fails
     */
    public static TestDatabase create(DatabaseKind kind, String bindName, MigrationSettings migrations) {
        return create(kind, bindName, migrations, null);
    }

    /** @param options for H2 only: URL settings kept from the application's URL, e.g. {@code MODE=PostgreSQL} */
    static TestDatabase create(DatabaseKind kind, String bindName, MigrationSettings migrations, String options) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(migrations, "migrations");
        DatabaseServer server = Servers.require(kind);
        server.dropLeftoversOnce();
        return Provisioner.provision(server, bindName == null ? BindConfig.DEFAULT_NAME : bindName, migrations, options);
    }

    public DatabaseKind kind() {
        return server.kind();
    }

    /** @return the database's name, e.g. {@code bindtest_t4k2lq_x81hd0ab} */
    public String name() {
        return name;
    }

    /** @return the bind it was made for */
    public String bindName() {
        return bindName;
    }

    public String url() {
        return url;
    }

    public String username() {
        return server.username();
    }

    /** @return the password of {@link #username()}; never log or show it */
    public String password() {
        return server.password();
    }

    /** @return how long making it took, migrations or copy included */
    public Duration provisioningTime() {
        return provisioningTime;
    }

    Provisioner.Method method() {
        return method;
    }

    DatabaseServer server() {
        return server;
    }

    /**
     * @param bind the bind's name
     * @return a configuration builder for a bind on this database, with its URL, credentials and migration
     * settings (already applied: a {@code sync()} finds nothing to do)
     */
    public BindConfig.Builder configFor(String bind) {
        return BindConfig.builder(bind).url(url).username(username()).password(password()).migrations(migrations);
    }

    /** @return a new connection to this database; the caller closes it */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username(), password());
    }

    /** @return how many connections to this database are open right now */
    public int openConnections() {
        try {
            return server.openConnections(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the connections to " + this + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that nothing holds a connection to this database: every pool closed, every connection returned.
     * Servers end a closed connection's session asynchronously, so this waits up to two seconds.
     *
     * @param owner who used the database, named in the failure: the test class
     * @throws AssertionError naming the owner, the bind and how many connections are still open
     */
    public void assertNoOpenConnections(String owner) {
        assertNoOpenConnections(owner, LEAK_GRACE);
    }

    void assertNoOpenConnections(String owner, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        int open = openConnections();
        while (open > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            open = openConnections();
        }
        if (open > 0) {
            throw new AssertionError(owner + " left " + open + " connection(s) open to " + kind().productName()
                    + " test database " + name + " of bind '" + bindName + "'. Close every Bind, BindSession, pool and "
                    + "Connection it opens (try-with-resources, bind.close()); the database is dropped anyway.");
        }
    }

    /** Drops the database and ends any connection still open to it; does nothing the second time. */
    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        try {
            server.drop(name);
            dropped = true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return kind().productName() + ":" + name + " (bind '" + bindName + "', " + server.origin() + ")";
    }
}
