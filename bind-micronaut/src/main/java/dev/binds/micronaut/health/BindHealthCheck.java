package dev.binds.micronaut.health;

import dev.binds.Bind;
import dev.binds.BindException;
import dev.binds.PoolState;
import dev.binds.Secrets;
import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.MigrationState;
import dev.binds.migrate.MigrationStatus;
import dev.binds.micronaut.BindConfiguration.HealthConfiguration;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks one bind: takes a pool connection and validates it, reads the pool state and the migration
 * status. A bind is DOWN when it cannot give a valid connection within its timeout, when its migration
 * status cannot be read, or when a migration failed. A check still running (a pool waiting for a database
 * that does not answer) is shared by the next requests instead of starting another; each request waits
 * for it at most the timeout.
 */
final class BindHealthCheck {

    private final Bind bind;
    private final BindMigrator migrator;
    private final boolean critical;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<HealthResult>> inFlight = new AtomicReference<>();

    BindHealthCheck(Bind bind, BindMigrator migrator, HealthConfiguration config) {
        this.bind = bind;
        this.migrator = migrator;
        this.critical = config.isCritical();
        this.timeout = config.getTimeout();
    }

    String name() {
        return bind.name();
    }

    boolean isCritical() {
        return critical;
    }

    /** @return the result, within the timeout (DOWN when the check did not finish in time) */
    CompletableFuture<HealthResult> run(Executor executor) {
        CompletableFuture<HealthResult> running = inFlight.get();
        if (running == null || running.isDone()) {
            CompletableFuture<HealthResult> started = new CompletableFuture<>();
            if (inFlight.compareAndSet(running, started)) {
                start(started, executor);
                running = started;
            } else {
                running = inFlight.get();
            }
        }
        return running.copy().completeOnTimeout(timedOut(), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void start(CompletableFuture<HealthResult> result, Executor executor) {
        try {
            executor.execute(() -> {
                try {
                    result.complete(check());
                } catch (RuntimeException | Error e) {
                    result.complete(down(details(), reason(e)));
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(down(details(), "the health check could not be scheduled: " + e.getMessage()));
        }
    }

    /** Runs the check on the calling thread. */
    HealthResult check() {
        Map<String, Object> details = details();
        long started = System.nanoTime();
        try (Connection connection = bind.dataSource().getConnection()) {
            int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
            if (!connection.isValid(seconds)) {
                return down(details, "a pool connection did not pass validation within " + seconds + "s");
            }
            DatabaseMetaData metaData = connection.getMetaData();
            details.put("database", metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion());
            details.put("validationMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (SQLException | RuntimeException e) {
            details.put("pool", pool(bind.poolState()));
            return down(details, reason(e));
        }
        details.put("pool", pool(bind.poolState()));
        MigrationStatus status;
        try {
            status = migrator.status();
        } catch (RuntimeException e) {
            return down(details, "the migration status cannot be read: " + reason(e));
        }
        details.put("migrations", migrations(status));
        if (status.state() == MigrationState.FAILED) {
            return down(details, scrub(status.message()));
        }
        return HealthResult.builder(bind.name(), HealthStatus.UP).details(details).build();
    }

    private Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("critical", critical);
        details.put("url", bind.config().maskedUrl());
        details.put("dialect", bind.dialect().name());
        return details;
    }

    private HealthResult timedOut() {
        Map<String, Object> details = details();
        details.put("pool", pool(bind.poolState()));
        return down(details, "no answer within " + timeout.toMillis() + "ms (binds." + bind.name()
                + ".health.timeout): the database is unreachable or the pool is exhausted");
    }

    private HealthResult down(Map<String, Object> details, String reason) {
        details.put("error", reason);
        return HealthResult.builder(bind.name(), HealthStatus.DOWN).details(details).build();
    }

    static Map<String, Object> pool(PoolState state) {
        if (state == null) {
            return null;
        }
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("active", state.active());
        pool.put("idle", state.idle());
        pool.put("pending", state.pending());
        pool.put("max", state.max());
        return pool;
    }

    private static Map<String, Object> migrations(MigrationStatus status) {
        Map<String, Object> migrations = new LinkedHashMap<>();
        migrations.put("state", status.state().name());
        migrations.put("current", status.currentVersion());
        migrations.put("latest", status.latestVersion());
        migrations.put("pending", status.pending());
        return migrations;
    }

    /**
     * The failure without secrets (driver messages may echo a URL). A bind failure's message already names
     * the bind, the cause and what to do; a pool's or driver's gets its root cause added.
     */
    private String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!(e instanceof BindException)) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
                message = message + ": " + root.getMessage();
            }
        }
        return scrub(message);
    }

    private String scrub(String text) {
        return Secrets.scrub(text, bind.config().password());
    }
}
