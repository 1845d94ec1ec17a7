package dev.binds.migrate;

import org.flywaydb.core.api.MigrationVersion;

import java.time.Duration;

import static org.flywaydb.core.api.MigrationState.DELETED;
import static org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS;
import static org.flywaydb.core.api.MigrationState.OUTDATED;
import static org.flywaydb.core.api.MigrationState.PENDING;
import static org.flywaydb.core.api.MigrationState.UNDONE;

/**
 * Turns Flyway's view of one database (every migration, applied or resolved, with its state) into the
 * package's records. For a {@link MigrationStatus} the precedence is: a failure (recorded, or the
 * {@code lastFailure} this migrator saw while its script is still pending), then {@code AHEAD},
 * {@code EMPTY}, {@code UPGRADE_AVAILABLE}, {@code UP_TO_DATE}.
 */
final class FlywayStatus {

    private FlywayStatus() {
    }

    /** The migration this migrator saw failing, when the database did not record it (transactional DDL). */
    record SeenFailure(String script, String message) {
    }

    static MigrationStatus of(String bindName, String table, org.flywaydb.core.api.MigrationInfo[] all,
                              SeenFailure lastFailure) {
        MigrationVersion current = null;
        MigrationVersion latest = null;
        org.flywaydb.core.api.MigrationInfo recordedFailure = null;
        boolean applied = false;
        boolean ahead = false;
        boolean lastFailureStands = false;
        int pending = 0;
        for (org.flywaydb.core.api.MigrationInfo m : all) {
            org.flywaydb.core.api.MigrationState state = m.getState();
            boolean schemaMarker = "SCHEMA".equals(m.getType().name());
            if (state == PENDING || state == OUTDATED) {
                pending++;
                lastFailureStands |= lastFailure != null && lastFailure.script().equals(m.getScript());
            }
            if (state.isFailed()) {
                recordedFailure = recordedFailure == null ? m : recordedFailure;
            } else if (state.isApplied() && state != DELETED && state != UNDONE && !schemaMarker) {
                applied = true;
                current = max(current, m.getVersion());
            }
            if (state.isResolved() && !m.getType().isSynthetic()) {
                latest = max(latest, m.getVersion());
            }
            ahead |= state == FUTURE_SUCCESS;
        }
        String cur = current == null ? null : current.getVersion();
        String lat = latest == null ? null : latest.getVersion();
        if (recordedFailure != null) {
            return new MigrationStatus(MigrationState.FAILED, cur, lat, pending, "Bind '" + bindName + "': migration "
                    + FlywayFailures.describe(recordedFailure) + " is recorded as failed in table " + table
                    + ". Undo what it changed, fix the script, then call repair() and sync again");
        }
        if (lastFailureStands) {
            return new MigrationStatus(MigrationState.FAILED, cur, lat, pending, lastFailure.message());
        }
        if (ahead) {
            return new MigrationStatus(MigrationState.AHEAD, cur, lat, pending, "Bind '" + bindName
                    + "': the database is at version " + cur + ", ahead of the latest version this code knows ("
                    + lat + "): a newer release migrated it");
        }
        if (!applied) {
            return new MigrationStatus(MigrationState.EMPTY, null, lat, pending, "Bind '" + bindName
                    + "': no migration applied yet; sync() applies " + pending);
        }
        if (pending > 0) {
            return new MigrationStatus(MigrationState.UPGRADE_AVAILABLE, cur, lat, pending, "Bind '" + bindName
                    + "': " + pending + " migration(s) pending, version " + cur + " -> " + lat + "; sync() applies them");
        }
        return new MigrationStatus(MigrationState.UP_TO_DATE, cur, lat, 0, "Bind '" + bindName
                + "': up to date at version " + cur);
    }

    /** One migration as {@link BindMigrator#info()} lists it, in Flyway's own names for type and state. */
    static MigrationInfo toInfo(org.flywaydb.core.api.MigrationInfo m) {
        return new MigrationInfo(m.getVersion() == null ? null : m.getVersion().getVersion(), m.getDescription(),
                m.getScript(), m.getType().name(), m.getState().name(), m.getChecksum(),
                m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(), m.getInstalledBy(),
                m.getExecutionTime() == null || m.getInstalledOn() == null ? null
                        : Duration.ofMillis(m.getExecutionTime()));
    }

    private static MigrationVersion max(MigrationVersion a, MigrationVersion b) {
        if (b == null) {
            return a;
        }
        return a == null || b.compareTo(a) > 0 ? b : a;
    }
}
