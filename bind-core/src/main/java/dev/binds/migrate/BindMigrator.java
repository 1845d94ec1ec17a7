package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.MigrationFailedException;
import dev.binds.MigrationRefusedException;
import dev.binds.MigrationSettings;
import dev.binds.MigrationValidationException;
import org.flywaydb.core.api.migration.JavaMigration;

import java.util.List;
import java.util.Objects;

/**
 * The migrations of one bind: reports where its database stands ({@link #status()}), brings it to the
 * latest version ({@link #sync()}), and offers Flyway's other commands, all configured by the bind's
 * {@code binds.<name>.migrations.*} settings and run on the bind's own pool. Thread-safe; create one per
 * bind at start-up and keep it.
 *
 * <pre>{@code
 * BindMigrator migrator = BindMigrator.of(orders);
 * SyncResult done = migrator.sync();             // CREATED, UPGRADED or ALREADY_UP_TO_DATE
 * boolean ready = migrator.status().isReady();   // cheap: for a readiness probe
 * }</pre>
 *
 * <p>Several instances may {@link #sync()} one database at once: the database lock lets one migrate while
 * the others wait, so every migration is applied exactly once (see the package description). Within one
 * instance, the migrator runs one Flyway operation at a time.
 *
 * <p>A bind whose migrations are disabled ({@code migrations.enabled=false}, or unset while its locations
 * hold no script and no Java migration is given) never touches Flyway or the database: {@link #status()}
 * reports {@link MigrationState#DISABLED}, {@link #sync()} returns {@link SyncOutcome#DISABLED} (so start-up
 * may sync every bind unconditionally), {@link #info()} is empty, and the explicit commands
 * ({@code migrate}, {@code validate}, {@code repair}, {@code baseline}, {@code clean}) throw
 * {@link MigrationRefusedException}.
 *
 * @since 0.1.0
 */
public final class BindMigrator {

    private final Bind bind;
    private final boolean enabled;
    private final Migrations migrations;

    private BindMigrator(Bind bind, List<?> javaMigrations) {
        this.bind = Objects.requireNonNull(bind, "bind");
        String disabledBecause = disabledBecause(bind, javaMigrations);
        this.enabled = disabledBecause == null;
        // Flyway types appear only in FlywayMigrations and the classes it uses: none is loaded when disabled
        this.migrations = enabled ? new FlywayMigrations(bind, javaMigrations, classLoader())
                : new DisabledMigrations(bind.name(), disabledBecause);
    }

    /**
     * @param bind the bind, whose migration settings apply
     * @return its migrator; Flyway is configured now when migrations are enabled, the database not touched yet
     * @throws dev.binds.BindConfigurationException when the migration settings are invalid, or migrations are
     *                                              enabled on a pool of fewer than two connections
     */
    public static BindMigrator of(Bind bind) {
        return new BindMigrator(bind, List.of());
    }

    /**
     * @param bind           the bind, whose migration settings apply
     * @param javaMigrations Java-based migrations, applied in version order along with the SQL scripts; giving
     *                       any enables migrations unless {@code migrations.enabled} is {@code false}
     * @return its migrator
     */
    public static BindMigrator of(Bind bind, List<? extends JavaMigration> javaMigrations) {
        return new BindMigrator(bind, List.copyOf(javaMigrations));
    }

    public Bind bind() {
        return bind;
    }

    /** @return whether this bind's migrations run; when not, Flyway is never used */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Where the database stands against the code's migrations; runs no migration and takes no database lock,
     * so it suits a readiness probe (a few milliseconds: one read of the schema history). While this
     * migrator runs a command it answers {@link MigrationState#MIGRATING} at once instead of waiting.
     * {@link MigrationState#FAILED} is reported when the history records a failed migration, and also when
     * this migrator saw one fail that the database rolled back (PostgreSQL's transactional DDL records
     * nothing): then only this migrator knows, until that script is applied or {@link #repair()} is called.
     *
     * @return the status; {@link MigrationState#DISABLED} when migrations are disabled
     * @throws MigrationFailedException when the schema history cannot be read
     */
    public MigrationStatus status() {
        return migrations.status();
    }

    /**
     * Brings the database to the latest version: the operation behind start-up and the command line.
     *
     * @return what was done: {@code CREATED}, {@code UPGRADED}, {@code ALREADY_UP_TO_DATE} ({@code DISABLED})
     * @throws MigrationFailedException naming the bind, the version, the script and the database's message
     * @throws MigrationValidationException when validate-on-migrate finds applied migrations changed
     */
    public SyncResult sync() {
        return migrations.sync();
    }

    /**
     * @param target the version to migrate to, or {@code latest}, {@code current}, {@code next}; {@code null}
     *               means latest
     * @return what was done
     * @throws MigrationFailedException as {@link #sync()}
     * @throws MigrationRefusedException when migrations are disabled
     */
    public SyncResult migrate(String target) {
        return migrations.migrate(target == null || target.isBlank() ? "latest" : target);
    }

    /**
     * Checks that the applied migrations match the code: checksums, descriptions, none missing, none
     * failed. Migrations not applied yet are not an error.
     *
     * @throws MigrationValidationException listing what does not match
     */
    public void validate() {
        migrations.validate();
    }

    /** @return every migration, applied and pending, in order; empty when migrations are disabled */
    public List<MigrationInfo> info() {
        return migrations.info();
    }

    /** Removes failed migrations from the history and realigns checksums with the code (Flyway's repair). */
    public void repair() {
        migrations.repair();
    }

    /**
     * Marks an existing database, which has no schema history, as being at {@code version}.
     *
     * @param version the version the database's schema corresponds to
     */
    public void baseline(String version) {
        migrations.baseline(Objects.requireNonNull(version, "version"));
    }

    /**
     * Drops every object in the bind's schemas. Refused unless {@code binds.<name>.migrations.clean-enabled}
     * is {@code true}: meant for tests and development only.
     *
     * @throws MigrationRefusedException naming the bind and that property when clean is not enabled
     */
    public void clean() {
        migrations.clean();
    }

    @Override
    public String toString() {
        return "BindMigrator[" + bind.name() + (enabled ? "" : ", disabled") + "]";
    }

    /** @return why migrations are off for the bind, or {@code null} when they are on */
    private static String disabledBecause(Bind bind, List<?> javaMigrations) {
        MigrationSettings s = bind.config().migrations();
        String property = "binds." + bind.name() + ".migrations.enabled";
        if (Boolean.FALSE.equals(s.enabled())) {
            return property + "=false";
        }
        if (s.enabled() == null && javaMigrations.isEmpty()
                && !ScriptLocations.holdScripts(s.locationsFor(bind.name()), classLoader())) {
            return property + " is not set and " + String.join(", ", s.locationsFor(bind.name()))
                    + " hold no migration script";
        }
        return null;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : BindMigrator.class.getClassLoader();
    }
}
