package dev.binds.migrate;

/**
 * What {@link BindMigrator#sync()} (or {@link BindMigrator#migrate(String)}) did.
 *
 * @since 0.1.0
 */
public enum SyncOutcome {
    /** The database had no migration applied; it now has the schema. */
    CREATED,
    /** The database was at an older version; it was upgraded. */
    UPGRADED,
    /** Nothing to do: every migration was applied already (possibly by another instance a moment ago). */
    ALREADY_UP_TO_DATE,
    /** Migrations are disabled for this bind; nothing was done. */
    DISABLED
}
