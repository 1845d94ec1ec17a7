package dev.binds.migrate;

/**
 * What {@link BindMigrator#sync()} or {@link BindMigrator#migrate(String)} did to a bind's database.
 *
 * @param outcome           created, upgraded, already up to date, or disabled
 * @param fromVersion       the version before this call applied anything, or {@code null} when the database had none
 * @param toVersion         the database's version after, or {@code null} when it still has none
 * @param migrationsApplied how many migrations this call applied (zero when another instance applied them)
 * @since 0.1.0
 */
public record SyncResult(SyncOutcome outcome, String fromVersion, String toVersion, int migrationsApplied) {

    static final SyncResult DISABLED = new SyncResult(SyncOutcome.DISABLED, null, null, 0);

    static SyncResult of(String fromVersion, String toVersion, int applied) {
        SyncOutcome outcome = applied == 0 ? SyncOutcome.ALREADY_UP_TO_DATE
                : fromVersion == null ? SyncOutcome.CREATED : SyncOutcome.UPGRADED;
        return new SyncResult(outcome, fromVersion, toVersion, applied);
    }
}
