package dev.binds.migrate;

/**
 * Where a bind's database stands against the migrations its code holds; see {@link MigrationStatus}.
 *
 * @since 0.1.0
 */
public enum MigrationState {
    /** Migrations are disabled for this bind; the database was not looked at. */
    DISABLED,
    /** No migration has been applied yet: no schema history, or an empty one. */
    EMPTY,
    /** Some migrations of the code are not applied yet; {@code sync()} applies them. */
    UPGRADE_AVAILABLE,
    /** Every migration of the code is applied. */
    UP_TO_DATE,
    /**
     * This migrator is running a command (sync, migrate, repair, baseline, clean) right now; the versions are
     * those of the last status read. {@code status()} answers at once rather than wait for the command.
     */
    MIGRATING,
    /** The database has versions the code does not know: a newer release migrated it. */
    AHEAD,
    /**
     * A migration failed: recorded as failed in the schema history (databases without transactional DDL:
     * MariaDB, MySQL, H2), or seen failing by this migrator and rolled back (PostgreSQL).
     */
    FAILED
}
