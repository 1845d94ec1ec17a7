package dev.binds.migrate;

import dev.binds.Bind;
import dev.binds.BindConfig;
import dev.binds.MigrationSettings;

import java.util.function.Supplier;

/**
 * Runs in a class loader without Flyway (see {@link DisabledMigratorTest}): uses a disabled migrator the way
 * start-up, a readiness probe and the command line would, and reports what it saw.
 */
public final class DisabledProbe implements Supplier<String> {

    @Override
    public String get() {
        StringBuilder seen = new StringBuilder();
        for (MigrationSettings settings : new MigrationSettings[] {
                MigrationSettings.DEFAULTS.withEnabled(false), MigrationSettings.DEFAULTS}) {
            BindConfig config = BindConfig.builder("nothing_here").url("jdbc:h2:mem:nothing_here").lazy(true)
                    .migrations(settings).build();
            try (Bind bind = Bind.create(config)) {
                BindMigrator migrator = BindMigrator.of(bind);
                seen.append(migrator.isEnabled()).append(' ').append(migrator.status().state()).append(' ')
                        .append(migrator.sync().outcome()).append(' ').append(migrator.info().size())
                        .append(" started=").append(bind.isStarted()).append(';');
            }
        }
        return seen.toString();
    }
}
