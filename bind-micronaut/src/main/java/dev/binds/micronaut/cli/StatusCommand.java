package dev.binds.micronaut.cli;

import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.MigrationState;
import dev.binds.migrate.MigrationStatus;
import dev.binds.micronaut.BindMigrators;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code status}: where each database stands; exit code 3 when migrations are pending. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show where each bind's database stands against the application's migrations. "
                + "Exit code 3 when migrations are pending, 1 when a database cannot be read or a migration failed.")
@Prototype
final class StatusCommand extends MigrationCommand {

    StatusCommand(BindMigrators migrators) {
        super(migrators);
    }

    @Override
    Outcome run(BindMigrator migrator, boolean named) {
        MigrationStatus status = migrator.status();
        int code = switch (status.state()) {
            case EMPTY, UPGRADE_AVAILABLE, MIGRATING -> BindCommand.PENDING;
            case FAILED -> BindCommand.FAILED;
            case UP_TO_DATE, AHEAD, DISABLED -> BindCommand.OK;
        };
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", status.state().name());
        json.put("current", status.currentVersion());
        json.put("latest", status.latestVersion());
        json.put("pending", status.pending());
        json.put("ready", status.isReady());
        json.put("message", status.message());
        String text = status.state() == MigrationState.DISABLED ? "DISABLED - " + status.message()
                : status.state() + " (current " + orNone(status.currentVersion()) + ", latest "
                + orNone(status.latestVersion()) + ", " + status.pending() + " pending) - " + status.message();
        return new Outcome(code, text, json);
    }

    static String orNone(String version) {
        return version == null ? "none" : version;
    }
}
