package dev.binds.micronaut.cli;

import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.SyncOutcome;
import dev.binds.migrate.SyncResult;
import dev.binds.micronaut.BindMigrators;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code migrate}: migrates each database to a target version, the latest by default. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migrate each bind's database to a version (--target), the latest by default. "
                + "A bind whose migrations are disabled is skipped, or is a failure when named with --bind.")
@Prototype
final class MigrateCommand extends MigrationCommand {

    @Option(names = "--target", paramLabel = "VERSION", defaultValue = "latest",
            description = "The version to migrate to: a version such as 2, or latest, current, next. Default: ${DEFAULT-VALUE}.")
    String target;

    MigrateCommand(BindMigrators migrators) {
        super(migrators);
    }

    @Override
    Outcome run(BindMigrator migrator, boolean named) {
        if (!migrator.isEnabled()) {
            return disabled(migrator, named, "migrate");
        }
        return done(migrators.migrate(migrator.bind().name(), target));
    }

    static Outcome done(SyncResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", result.outcome().name());
        json.put("from", result.fromVersion());
        json.put("to", result.toVersion());
        json.put("applied", result.migrationsApplied());
        String text = result.outcome() == SyncOutcome.DISABLED ? "DISABLED - migrations are disabled, nothing done"
                : result.outcome() + " (version " + StatusCommand.orNone(result.fromVersion()) + " -> "
                + StatusCommand.orNone(result.toVersion()) + ", " + result.migrationsApplied() + " applied)";
        return new Outcome(BindCommand.OK, text, json);
    }
}
