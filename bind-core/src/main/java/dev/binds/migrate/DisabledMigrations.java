package dev.binds.migrate;

import dev.binds.MigrationRefusedException;

import java.util.List;

/**
 * The migrations of a bind whose {@code migrations.enabled} is off (or that has no scripts): reports
 * {@link MigrationState#DISABLED}, syncs nothing, and refuses explicit commands, all without touching the
 * database or Flyway.
 */
final class DisabledMigrations implements Migrations {

    private final String bindName;
    private final String reason;
    private final MigrationStatus status;

    DisabledMigrations(String bindName, String reason) {
        this.bindName = bindName;
        this.reason = reason;
        this.status = new MigrationStatus(MigrationState.DISABLED, null, null, 0,
                "Migrations of bind '" + bindName + "' are disabled (" + reason + ")");
    }

    @Override
    public MigrationStatus status() {
        return status;
    }

    @Override
    public SyncResult sync() {
        return SyncResult.DISABLED;
    }

    @Override
    public SyncResult migrate(String target) {
        throw refused("migrate");
    }

    @Override
    public void validate() {
        throw refused("validate");
    }

    @Override
    public List<MigrationInfo> info() {
        return List.of();
    }

    @Override
    public void repair() {
        throw refused("repair");
    }

    @Override
    public void baseline(String version) {
        throw refused("baseline");
    }

    @Override
    public void clean() {
        throw refused("clean");
    }

    private MigrationRefusedException refused(String operation) {
        return new MigrationRefusedException(bindName, "Bind '" + bindName + "': cannot " + operation
                + ": its migrations are disabled (" + reason + "). Set binds." + bindName
                + ".migrations.enabled=true and put scripts in binds." + bindName + ".migrations.locations");
    }
}
