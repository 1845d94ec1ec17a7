package dev.binds.testing.scenarios;

import dev.binds.testing.BindExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Run by UnavailableServerTest only, with BIND_TEST_POSTGRES_URL pointing at a closed port. */
public class PostgresScenario {

    @RegisterExtension
    static BindExtension pg = BindExtension.postgres().withMigrations("classpath:db/orders");

    @Test
    void needsTheServer() {
        pg.bind();
    }
}
