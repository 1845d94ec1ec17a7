package dev.binds.example;

import dev.binds.CreateResult;
import dev.binds.CursorPage;
import dev.binds.Page;
import dev.binds.micronaut.cli.BindCommand;
import io.micronaut.runtime.Micronaut;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * The example application: users on the {@code default} bind, orders on the {@code secondary} bind.
 * {@code java -jar bind-example.jar} serves HTTP on port 8080 ({@code PORT} to change it);
 * {@code java -jar bind-example.jar status} (or {@code migrate}, {@code sync}, {@code validate},
 * {@code info}, with {@code --bind secondary} and {@code --json}) runs a migration command and exits.
 */
@SerdeImport(CreateResult.class)
@SerdeImport(Page.class)
@SerdeImport(CursorPage.class)
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(BindCommand.execute(Application.class, args));
        }
        Micronaut.run(Application.class, args);
    }
}
