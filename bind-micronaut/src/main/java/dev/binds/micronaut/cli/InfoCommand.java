package dev.binds.micronaut.cli;

import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.MigrationInfo;
import dev.binds.micronaut.BindMigrators;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code info}: every migration of each bind, applied and pending. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "List every migration of each bind, applied and pending, with its state.")
@Prototype
final class InfoCommand extends MigrationCommand {

    InfoCommand(BindMigrators migrators) {
        super(migrators);
    }

    @Override
    Outcome run(BindMigrator migrator, boolean named) {
        if (!migrator.isEnabled()) {
            return disabled(migrator, false, "list migrations");
        }
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<MigrationInfo> all = migrator.info();
        text.append(all.size()).append(all.size() == 1 ? " migration" : " migrations");
        for (MigrationInfo info : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", info.version());
            m.put("description", info.description());
            m.put("script", info.script());
            m.put("type", info.type());
            m.put("state", info.state());
            m.put("installedOn", info.installedOn() == null ? null : info.installedOn().toString());
            json.add(m);
            text.append(System.lineSeparator()).append(String.format("  %-8s %-10s %-30s %s",
                    info.version() == null ? "R" : info.version(), info.state(), info.description(),
                    info.installedOn() == null ? "" : info.installedOn().toString()));
        }
        return new Outcome(BindCommand.OK, text.toString(), json);
    }
}
