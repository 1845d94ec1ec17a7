package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.Dialect;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What Flyway's own database lock leaves to this JVM.
 *
 * <p>One Flyway operation at a time per migrator: each holds two of the bind's pooled connections at once
 * (one for the schema history, one for the migration), so operations running side by side on a small pool
 * could each hold one and wait for the other until the pool's connection timeout.
 *
 * <p>One command at a time per embedded H2 database, across binds: Flyway's lock on H2 is a row lock on the
 * history table, which H2 gives up after its lock timeout (one second by default) and which DDL, committing
 * implicitly, releases in the middle of a migration. PostgreSQL (advisory lock) and MariaDB/MySQL
 * ({@code GET_LOCK}) hold their locks across commits and need nothing more. An in-memory or embedded H2
 * database is reachable from one JVM only (H2's server modes aside), so a JVM lock per database suffices.
 */
final class MigrationLock {

    private static final ConcurrentMap<String, ReentrantLock> EMBEDDED = new ConcurrentHashMap<>();

    private final String bindName;
    private final ReentrantLock own = new ReentrantLock(true);
    private final ReentrantLock embedded;
    private volatile String runningCommand;

    MigrationLock(Bind bind) {
        this.bindName = bind.name();
        this.embedded = bind.dialect() == Dialect.H2
                ? EMBEDDED.computeIfAbsent(database(bind.config().url()), k -> new ReentrantLock(true)) : null;
    }

    /** {@code jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1} and {@code jdbc:h2:mem:orders} name one database. */
    static String database(String url) {
        int parameters = url.indexOf(';');
        return (parameters < 0 ? url : url.substring(0, parameters)).replace("jdbc:h2:file:", "jdbc:h2:")
                .toLowerCase(Locale.ROOT);
    }

    /** @return the command (sync, repair…) this migrator is running now, or {@code null} */
    String runningCommand() {
        return runningCommand;
    }

    /** Runs an operation that only reads (status, info, validate). */
    <T> T read(Supplier<T> work) {
        lock(own);
        try {
            return work.get();
        } finally {
            own.unlock();
        }
    }

    /** Runs a command that changes the database (migrate, repair, baseline, clean). */
    <T> T write(String command, Supplier<T> work) {
        lock(own);
        try {
            if (embedded != null) {
                lock(embedded);
            }
            runningCommand = command;
            try {
                return work.get();
            } finally {
                runningCommand = null;
                if (embedded != null) {
                    embedded.unlock();
                }
            }
        } finally {
            own.unlock();
        }
    }

    private void lock(ReentrantLock lock) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Bind '" + bindName + "': interrupted while waiting for another "
                    + "migration command", e);
        }
    }
}
