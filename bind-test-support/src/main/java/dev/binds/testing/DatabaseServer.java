package dev.binds.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where test databases are made: a server reached through an admin connection, or H2 in this JVM.
 * Creates, copies, counts connections of and drops databases; every admin operation uses a short
 * connection to the maintenance database, never to a test database, so it is never counted as a leak.
 */
abstract class DatabaseServer {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseServer.class);

    private final DatabaseKind kind;
    private final String origin;
    private final AtomicBoolean cleaned = new AtomicBoolean();

    DatabaseServer(DatabaseKind kind, String origin) {
        this.kind = kind;
        this.origin = origin;
    }

    DatabaseKind kind() {
        return kind;
    }

    /** @return where the server came from, for messages: the variable, Testcontainers, the local default */
    String origin() {
        return origin;
    }

    /** @return the URL of the test database {@code name}; {@code options} only matter to H2 */
    abstract String jdbcUrl(String name, String options);

    abstract String username();

    abstract String password();

    /** Creates the empty database {@code name}. */
    abstract void createEmpty(String name) throws SQLException;

    /** @return whether databases can be copied from a template on this server */
    abstract boolean supportsTemplates();

    /**
     * Runs {@code work} while holding the server-wide lock that serializes building and dropping
     * templates across JVMs (surefire forks, parallel builds).
     */
    abstract <T> T withTemplateLock(Callable<T> work) throws Exception;

    /** @return an existing, complete template whose name starts with {@code prefix}, or {@code null} */
    String findTemplate(String prefix) throws SQLException {
        for (String name : databases(prefix)) {
            if (!DatabaseNames.isStale(name, Instant.now())) {
                return name;
            }
        }
        return null;
    }

    /**
     * Turns the migrated database {@code build} into the template {@code template}.
     *
     * @return whether it became one; {@code false} when its schema cannot be copied (then {@code build} is untouched)
     */
    abstract boolean publishTemplate(String build, String template) throws SQLException;

    /**
     * Creates {@code name} as a copy of {@code template}.
     *
     * @throws TemplateGoneException when the template was dropped meanwhile
     */
    abstract void createFromTemplate(String name, String template) throws SQLException;

    /** Drops the database and every connection still open to it; nothing when it does not exist. */
    abstract void drop(String name) throws SQLException;

    /** @return how many connections to {@code name} are open, not counting the server's own admin work */
    abstract int openConnections(String name) throws SQLException;

    /** @return the databases whose names start with {@code prefix} */
    abstract List<String> databases(String prefix) throws SQLException;

    /** Opens an admin connection (auto-commit), or for H2 a connection that does not create anything. */
    abstract Connection admin() throws SQLException;

    /**
     * Drops, once per server and JVM, the test databases of crashed runs (older than
     * {@link DatabaseNames#LEFTOVER_AGE}) and templates older than {@link DatabaseNames#TEMPLATE_AGE}.
     */
    final void dropLeftoversOnce() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        try {
            withTemplateLock(() -> {
                Instant now = Instant.now();
                for (String prefix : List.of(DatabaseNames.PREFIX, DatabaseNames.TEMPLATE_PREFIX)) {
                    for (String name : databases(prefix)) {
                        if (DatabaseNames.isStale(name, now)) {
                            dropQuietly(name, "leftover of an earlier run");
                        }
                    }
                }
                return null;
            });
        } catch (Exception e) {
            LOG.warn("Could not drop leftover test databases on {} ({}): {}", kind.productName(), origin, e.toString());
        }
    }

    void dropQuietly(String name, String why) {
        try {
            drop(name);
            LOG.info("Dropped {} database {} ({})", kind.productName(), name, why);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop {} database {} ({}): {}", kind.productName(), name, why, e.toString());
        }
    }

    @Override
    public String toString() {
        return kind.productName() + " (" + origin + ")";
    }

    /** The template named was dropped between finding it and copying it: find or build it again. */
    static final class TemplateGoneException extends SQLException {
        TemplateGoneException(String template, Throwable cause) {
            super("Template database " + template + " is gone", cause);
        }
    }
}
