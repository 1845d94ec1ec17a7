package dev.binds.micronaut.cli;

import dev.binds.Secrets;
import dev.binds.migrate.BindMigrator;
import dev.binds.micronaut.BindMigrators;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every command shares: {@code --bind} and {@code --json}, running on each chosen bind in turn
 * (one failing does not stop the others), printing, and the exit code.
 */
abstract class MigrationCommand implements Callable<Integer> {

    @Option(names = "--bind", paramLabel = "NAME", split = ",",
            description = "A bind to work on; repeat it or separate names with commas. Every enabled bind when absent.")
    List<String> binds = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object keyed by bind name, for machines.")
    boolean json;

    @Spec
    CommandSpec spec;

    final BindMigrators migrators;

    MigrationCommand(BindMigrators migrators) {
        this.migrators = migrators;
    }

    /**
     * @param migrator the bind's migrator
     * @param named    whether the bind was named with {@code --bind} (a command the bind cannot run is
     *                 then a failure; otherwise the bind is skipped)
     * @return what was done
     */
    abstract Outcome run(BindMigrator migrator, boolean named);

    @Override
    public Integer call() {
        Map<String, BindMigrator> chosen = chosen();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> report = new LinkedHashMap<>();
        int code = BindCommand.OK;
        for (Map.Entry<String, BindMigrator> entry : chosen.entrySet()) {
            Outcome outcome;
            try {
                outcome = run(entry.getValue(), !binds.isEmpty());
            } catch (RuntimeException e) {
                outcome = failure(entry.getValue(), e);
            }
            code = Outcome.worst(code, outcome.code());
            report.put(entry.getKey(), outcome.json());
            if (!json) {
                (outcome.failed() ? err : out).println(entry.getKey() + ": " + outcome.text());
            }
        }
        if (json) {
            out.println(Json.write(report));
        }
        out.flush();
        err.flush();
        return code;
    }

    static Outcome failure(BindMigrator migrator, RuntimeException e) {
        String message = Secrets.scrub(e.getMessage() == null ? e.toString() : e.getMessage(),
                migrator.bind().config().password());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", message);
        return new Outcome(BindCommand.FAILED, "FAILED: " + message, json);
    }

    /** For a command a bind cannot run because its migrations are disabled. */
    static Outcome disabled(BindMigrator migrator, boolean named, String command) {
        String message = migrator.status().message();
        if (named) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("error", "cannot " + command + ": " + message);
            return new Outcome(BindCommand.FAILED, "FAILED: cannot " + command + ": " + message, json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("skipped", message);
        return new Outcome(BindCommand.OK, "skipped: " + message, json);
    }

    private Map<String, BindMigrator> chosen() {
        Map<String, BindMigrator> all = migrators.all();
        if (binds.isEmpty()) {
            return all;
        }
        Map<String, BindMigrator> chosen = new LinkedHashMap<>();
        for (String name : binds) {
            BindMigrator migrator = all.get(name.trim());
            if (migrator == null) {
                throw new ParameterException(spec.commandLine(), "No bind named '" + name + "'. Configured binds: "
                        + (all.isEmpty() ? "none" : String.join(", ", all.keySet())));
            }
            chosen.put(name.trim(), migrator);
        }
        return chosen;
    }
}
