package dev.binds.testing.scenarios;

import dev.binds.testing.BindExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Run by UnavailableServerTest only, with BIND_TEST_MARIADB_URL pointing at a closed port. */
public class MariaDbScenario {

    @RegisterExtension
    static BindExtension maria = BindExtension.mariadb().withMigrations("classpath:db/orders");

    @Test
    void needsTheServer() {
        maria.bind();
    }
}
