package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.BindConfigurationException;
import dev.binds.MigrationRefusedException;
import dev.binds.MigrationSettings;
import dev.binds.MigrationValidationException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A bind's migrations on Flyway: the only class of the package that uses Flyway, created only when the
 * bind's migrations are enabled. One {@link Flyway} instance, configured once from the bind's
 * {@link MigrationSettings}, serves every call; commands with their own options (a target, a baseline
 * version) derive a short-lived one from it.
 */
final class FlywayMigrations implements Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(BindMigrator.class);
    /**
     * How often an instance tries, once a second, to take the PostgreSQL advisory lock another instance holds
     * (about 15 minutes): Flyway's default (50) fails instances that wait for a migration longer than that.
     * MariaDB/MySQL's {@code GET_LOCK} wait is not bounded by it.
     */
    static final int LOCK_RETRIES = 900;
    private static final Set<String> KEYWORD_TARGETS = Set.of("latest", "current", "next");

    private final Bind bind;
    private final MigrationSettings settings;
    private final Flyway flyway;
    private final Flyway validator;
    private final MigrationLock lock;
    private volatile FlywayStatus.SeenFailure lastFailure;
    private volatile MigrationStatus lastStatus;

    FlywayMigrations(Bind bind, List<?> javaMigrations, ClassLoader loader) {
        this.bind = bind;
        this.settings = bind.config().migrations();
        requireTwoConnections(bind);
        this.lock = new MigrationLock(bind);
        try {
            FluentConfiguration config = Flyway.configure(loader)
                    .dataSource(new BindDataSource(bind))
                    .locations(settings.locationsFor(bind.name()).toArray(String[]::new))
                    .table(settings.table())
                    .placeholders(settings.placeholders())
                    .baselineOnMigrate(settings.baselineOnMigrate())
                    .baselineVersion(settings.baselineVersion())
                    .validateOnMigrate(settings.validateOnMigrate())
                    .cleanDisabled(!settings.cleanEnabled())
                    .lockRetryCount(LOCK_RETRIES)
                    .javaMigrations(javaMigrations.toArray(JavaMigration[]::new));
            if (!settings.schemas().isEmpty()) {
                config.schemas(settings.schemas().toArray(String[]::new));
            }
            this.flyway = config.load();
            // validate() judges what was applied: migrations not applied yet are not an error
            this.validator = derive().ignoreMigrationPatterns("*:future", "*:pending").load();
        } catch (FlywayException e) {
            throw new BindConfigurationException(bind.name(), "Bind '" + bind.name() + "': invalid migration settings "
                    + "(binds." + bind.name() + ".migrations.*): " + FlywayFailures.oneLine(e.getMessage()), e);
        }
    }

    @Override
    public MigrationStatus status() {
        String running = lock.runningCommand();
        if (running != null) {
            // a probe must not wait for a migration: this instance is migrating, so it is not ready
            MigrationStatus last = lastStatus;
            return new MigrationStatus(MigrationState.MIGRATING, last == null ? null : last.currentVersion(),
                    last == null ? null : last.latestVersion(), last == null ? 0 : last.pending(),
                    "Bind '" + bind.name() + "': " + running + " is running in this instance");
        }
        MigrationStatus status = FlywayStatus.of(bind.name(), settings.table(),
                call("read the status", () -> lock.read(() -> flyway.info().all())), lastFailure);
        lastStatus = status;
        return status;
    }

    @Override
    public SyncResult sync() {
        return migrate(flyway);
    }

    @Override
    public SyncResult migrate(String target) {
        if (!KEYWORD_TARGETS.contains(target.toLowerCase(Locale.ROOT))) {
            version(target, "a migration target: use a version such as 2.1, or 'latest', 'current' or 'next'");
        }
        return migrate(derive().target(target).load());
    }

    private SyncResult migrate(Flyway f) {
        long start = System.nanoTime();
        try {
            MigrateResult r = lock.write("sync", f::migrate);
            // Flyway's targetSchemaVersion is the last version *this* call applied: when instances interleave
            // (one lock round per migration on databases without DDL transactions) it is not where the
            // database ends up, so ask the database
            String now = currentVersion(r.targetSchemaVersion == null ? r.initialSchemaVersion : r.targetSchemaVersion);
            SyncResult result = r.migrationsExecuted == 0 ? SyncResult.of(now, now, 0)
                    : SyncResult.of(r.initialSchemaVersion, now, r.migrationsExecuted);
            LOG.info("Bind '{}': {} (version {} -> {}, {} migration(s) applied in {} ms)", bind.name(), result.outcome(),
                    result.fromVersion() == null ? "none" : result.fromVersion(), result.toVersion(), result.migrationsApplied(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            return result;
        } catch (FlywayException e) {
            if (e instanceof FlywayMigrateException m && m.getMigration() != null) {
                String outcome = recordedAsFailed(m.getMigration().getScript())
                        ? "Flyway recorded it as failed in table " + settings.table() + ": undo what it changed, fix the "
                          + "script, then call repair() and sync again"
                        : "The database rolled it back and nothing was recorded: fix the script and sync again";
                RuntimeException failure = FlywayFailures.translate(bind.name(), "migrate", e, outcome);
                lastFailure = new FlywayStatus.SeenFailure(m.getMigration().getScript(), failure.getMessage());
                throw failure;
            }
            throw FlywayFailures.translate(bind.name(), "migrate", e, "");
        } finally {
            bind.refreshMetadata(); // a failed migration on a database without DDL transactions changes it too
        }
    }

    /** The database's version now; if it cannot be read, Flyway's view, rather than failing a migration that worked. */
    private String currentVersion(String fallback) {
        try {
            return FlywayStatus.of(bind.name(), settings.table(), lock.read(() -> flyway.info().all()), null)
                    .currentVersion();
        } catch (RuntimeException e) {
            LOG.warn("Bind '{}': migrated, but could not read the version reached: {}", bind.name(), e.toString());
            return fallback;
        }
    }

    /** Whether the history now holds a failed row for the script; on error, assume not. */
    private boolean recordedAsFailed(String script) {
        try {
            return Arrays.stream(lock.read(() -> flyway.info().all()))
                    .anyMatch(i -> i.getState().isFailed() && script.equals(i.getScript()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void validate() {
        ValidateResult r = call("validate", () -> lock.read(validator::validateWithResult));
        if (!r.validationSuccessful) {
            throw new MigrationValidationException(bind.name(), "Bind '" + bind.name() + "': the migrations applied to "
                    + "the database do not match the code: " + FlywayFailures.oneLine(r.getAllErrorMessages())
                    + ". Restore the changed scripts, or call repair() to accept the code's checksums");
        }
    }

    @Override
    public List<MigrationInfo> info() {
        return Arrays.stream(call("read the migrations", () -> lock.read(() -> flyway.info().all())))
                .map(FlywayStatus::toInfo).toList();
    }

    @Override
    public void repair() {
        var r = call("repair", () -> lock.write("repair", flyway::repair));
        lastFailure = null;
        LOG.info("Bind '{}': schema history repaired: {}", bind.name(), r.repairActions);
    }

    @Override
    public void baseline(String version) {
        version(version, "a version such as 1 or 2.1");
        Flyway f = derive().baselineVersion(version).load();
        call("baseline", () -> lock.write("baseline", f::baseline));
        LOG.info("Bind '{}': baselined at version {}", bind.name(), version);
    }

    @Override
    public void clean() {
        if (!settings.cleanEnabled()) {
            throw new MigrationRefusedException(bind.name(), "Bind '" + bind.name() + "': clean() drops every object in "
                    + "the bind's schemas and is disabled. Set binds." + bind.name() + ".migrations.clean-enabled=true "
                    + "to allow it (never in production)");
        }
        try {
            call("clean", () -> lock.write("clean", flyway::clean));
        } finally {
            lastFailure = null;
            bind.refreshMetadata();
        }
        LOG.warn("Bind '{}': cleaned, every object in its schemas was dropped", bind.name());
    }

    /** Flyway holds two connections at once (see {@link MigrationLock}): a pool of one would wait forever. */
    private static void requireTwoConnections(Bind bind) {
        Object max = bind.config().pool().get("maximum-pool-size");
        if (max instanceof Number n && n.intValue() < 2) {
            throw new BindConfigurationException(bind.name(), "Bind '" + bind.name() + "': migrations need two "
                    + "connections at once (Flyway keeps one for the schema history and one for the migration), but "
                    + "binds." + bind.name() + ".pool.maximum-pool-size is " + n + ". Set it to 2 or more, or set "
                    + "binds." + bind.name() + ".migrations.enabled=false and migrate another way");
        }
    }

    private void version(String text, String expected) {
        try {
            MigrationVersion.fromVersion(text);
        } catch (FlywayException e) {
            throw new IllegalArgumentException("Bind '" + bind.name() + "': '" + text + "' is not " + expected, e);
        }
    }

    private FluentConfiguration derive() {
        return Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration());
    }

    private <T> T call(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (FlywayException e) {
            throw FlywayFailures.translate(bind.name(), operation, e, "");
        }
    }
}
