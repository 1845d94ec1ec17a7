package dev.binds.migrate;

/**
 * A bind's migration status, as {@link BindMigrator#status()} found it.
 *
 * @param state          where the database stands
 * @param currentVersion the highest version applied successfully, or {@code null} when none is
 * @param latestVersion  the highest version the code holds, or {@code null} when it holds none (or is disabled)
 * @param pending        how many migrations of the code are not applied yet (repeatable ones included)
 * @param message        one sentence for people: what the state means and what to do
 * @since 0.1.0
 */
public record MigrationStatus(MigrationState state, String currentVersion, String latestVersion, int pending,
                              String message) {

    /** @return whether the database is fit to serve this code: up to date, ahead, or not migrated by us */
    public boolean isReady() {
        return state == MigrationState.UP_TO_DATE || state == MigrationState.AHEAD || state == MigrationState.DISABLED;
    }
}
