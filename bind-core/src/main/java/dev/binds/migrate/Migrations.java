package dev.binds.migrate;

import java.util.List;

/**
 * What {@link BindMigrator} delegates to: {@link FlywayMigrations} when the bind's migrations are enabled,
 * {@link DisabledMigrations} when not. No Flyway type appears here, so a disabled migrator loads none.
 */
interface Migrations {

    MigrationStatus status();

    SyncResult sync();

    /** @param target a version, {@code latest} or {@code current} */
    SyncResult migrate(String target);

    void validate();

    List<MigrationInfo> info();

    void repair();

    void baseline(String version);

    void clean();
}
