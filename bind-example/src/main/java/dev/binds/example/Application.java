package dev.binds.example;

import dev.binds.CreateResult;
import dev.binds.CursorPage;
import dev.binds.Page;
import io.micronaut.runtime.Micronaut;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * The example application: users on the {@code default} bind, orders on the {@code secondary} bind.
 * {@code java -jar bind-example.jar} serves HTTP on port 8080 ({@code PORT} to change it).
 */
@SerdeImport(CreateResult.class)
@SerdeImport(Page.class)
@SerdeImport(CursorPage.class)
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
