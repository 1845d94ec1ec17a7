package dev.binds.micronaut.cli;

import dev.binds.migrate.BindMigrator;
import dev.binds.micronaut.BindMigrators;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** {@code sync}: creates or upgrades each database, as the application does at start-up. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Create or upgrade each bind's database to the latest version, as start-up does. "
                + "A bind whose migrations are disabled is left alone.")
@Prototype
final class SyncCommand extends MigrationCommand {

    SyncCommand(BindMigrators migrators) {
        super(migrators);
    }

    @Override
    Outcome run(BindMigrator migrator, boolean named) {
        return MigrateCommand.done(migrators.sync(migrator.bind().name()));
    }
}
