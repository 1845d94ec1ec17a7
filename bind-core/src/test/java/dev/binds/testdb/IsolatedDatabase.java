package dev.binds.testdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh, empty database that belongs to one test, named {@code bind_t_<created>_<random>}; closing
 * it drops it, even while connections to it are still open.
 *
 * <pre>{@code
 * try (IsolatedDatabase db = IsolatedDatabase.create(DatabaseKind.POSTGRES)) {
 *     DataSource ds = pool(db.jdbcUrl(), db.username(), db.password());
 *     ...
 *     assertThat(db.awaitOpenConnections(0, Duration.ofSeconds(5))).isZero();
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class IsolatedDatabase implements AutoCloseable {

    static final String NAME_PREFIX = "bind_t_";
    /** Leftovers of crashed runs older than this are dropped when a server is first used. */
    static final Duration LEFTOVER_AGE = Duration.ofHours(3);

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedDatabase.class);
    private static final Pattern NAME = Pattern.compile(NAME_PREFIX + "([0-9a-z]{6})_[0-9a-z]{8}");
    /** Creation times before this are not ours: such a name was made by hand, so it is left alone. */
    private static final Instant EPOCH_OF_NAMES = Instant.parse("2025-01-01T00:00:00Z");
    private static final Set<DatabaseKind> CLEANED = EnumSet.noneOf(DatabaseKind.class);
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final DatabaseServer server;
    private final String name;
    private boolean dropped;

    private IsolatedDatabase(DatabaseServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /**
     * Creates a fresh database of {@code kind}. If its server is not reachable, skips the calling
     * test, or fails it when {@code CI=true}; see {@link DatabaseServer#requireAvailable()}.
     */
    public static IsolatedDatabase create(DatabaseKind kind) {
        DatabaseServer server = kind.server();
        server.requireAvailable();
        cleanLeftoversOnce(server);
        String name = newName();
        server.createDatabase(name);
        return new IsolatedDatabase(server, name);
    }

    public DatabaseKind kind() {
        return server.kind();
    }

    public DatabaseServer server() {
        return server;
    }

    /** The database name, e.g. {@code bind_t_t4k2lq_x81hd0ab}. */
    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    /** Opens a new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Connections to this database open right now. */
    public int openConnections() {
        return server.openConnections(name);
    }

    /**
     * Polls {@link #openConnections()} until it equals {@code expected} or {@code timeout} passes, and
     * returns the last count: servers end a closed connection's session asynchronously.
     */
    public int awaitOpenConnections(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int open = openConnections();
        while (open != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            open = openConnections();
        }
        return open;
    }

    public boolean exists() {
        return server.databaseExists(name);
    }

    /** Drops the database and every connection still open to it; does nothing the second time. */
    public synchronized void drop() {
        if (!dropped) {
            server.dropDatabase(name);
            dropped = true;
        }
    }

    /** Same as {@link #drop()}. */
    @Override
    public void close() {
        drop();
    }

    @Override
    public String toString() {
        return kind() + ":" + name;
    }

    /** When the database of this name was created, or {@code null} if it is not such a name. */
    static Instant createdAt(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        Instant created = Instant.ofEpochSecond(Long.parseLong(m.group(1), 36));
        return created.isBefore(EPOCH_OF_NAMES) || created.isAfter(Instant.now().plus(Duration.ofDays(1)))
                ? null : created;
    }

    static String newName() {
        StringBuilder sb = new StringBuilder(NAME_PREFIX)
                .append(Long.toString(Instant.now().getEpochSecond(), 36)).append('_');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static void cleanLeftoversOnce(DatabaseServer server) {
        synchronized (CLEANED) {
            if (!CLEANED.add(server.kind())) {
                return;
            }
        }
        try {
            server.dropLeftovers(LEFTOVER_AGE);
        } catch (RuntimeException e) {
            // a leftover another run is dropping right now, say: never fail a test over housekeeping
            LOG.warn("Could not drop leftover test databases on {}: {}", server, e.getMessage());
        }
    }
}
