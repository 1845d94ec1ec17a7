package dev.binds.micronaut.cli;

import dev.binds.migrate.BindMigrator;
import dev.binds.micronaut.BindMigrators;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code validate}: checks that applied migrations match the application's scripts. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check that the migrations applied to each bind's database match the application's "
                + "(checksums, descriptions, none missing or failed). Pending migrations are not an error.")
@Prototype
final class ValidateCommand extends MigrationCommand {

    ValidateCommand(BindMigrators migrators) {
        super(migrators);
    }

    @Override
    Outcome run(BindMigrator migrator, boolean named) {
        if (!migrator.isEnabled()) {
            return disabled(migrator, named, "validate");
        }
        migrator.validate();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", true);
        return new Outcome(BindCommand.OK, "valid", json);
    }
}
