package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.Dialect;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes, within this JVM, the migration commands on one embedded H2 database. Flyway's lock on H2 is a
 * row lock on the history table: it gives up after H2's lock timeout (one second by default), so instances
 * waiting for a longer migration fail, and DDL commits implicitly, which releases it in the middle of a
 * migration. PostgreSQL (advisory lock) and MariaDB/MySQL ({@code GET_LOCK}) hold their locks across
 * commits and need nothing more. An in-memory or embedded H2 database is reachable from one JVM only
 * (H2's server modes aside), so a JVM lock per database is enough.
 */
final class EmbeddedMigrationLock {

    private static final ConcurrentMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final String bindName;
    private final ReentrantLock lock;

    private EmbeddedMigrationLock(String bindName, ReentrantLock lock) {
        this.bindName = bindName;
        this.lock = lock;
    }

    static EmbeddedMigrationLock of(Bind bind) {
        if (bind.dialect() != Dialect.H2) {
            return new EmbeddedMigrationLock(bind.name(), null);
        }
        return new EmbeddedMigrationLock(bind.name(), LOCKS.computeIfAbsent(database(bind.config().url()),
                k -> new ReentrantLock()));
    }

    /** {@code jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1} and {@code jdbc:h2:mem:orders} name one database. */
    static String database(String url) {
        int parameters = url.indexOf(';');
        return (parameters < 0 ? url : url.substring(0, parameters)).replace("jdbc:h2:file:", "jdbc:h2:")
                .toLowerCase(Locale.ROOT);
    }

    <T> T run(Supplier<T> work) {
        if (lock == null) {
            return work.get();
        }
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Bind '" + bindName + "': interrupted while waiting for another "
                    + "migration of the same database", e);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
