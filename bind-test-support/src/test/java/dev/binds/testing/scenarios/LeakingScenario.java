package dev.binds.testing.scenarios;

import dev.binds.testing.BindExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Run by LeakDetectionTest only: opens connections to its test databases and never closes them. */
public class LeakingScenario {

    public static final List<String> DATABASES = new ArrayList<>();
    private static final List<Connection> LEAKED = new ArrayList<>();

    @RegisterExtension
    static BindExtension pg = BindExtension.postgres().withName("pg").withMigrations("classpath:db/orders");
    @RegisterExtension
    static BindExtension maria = BindExtension.mariadb().withName("maria").withMigrations("classpath:db/orders");

    @Test
    void leaksAConnectionToEachDatabase() throws SQLException {
        DATABASES.add(pg.database().name());
        DATABASES.add(maria.database().name());
        LEAKED.add(pg.database().connect());
        LEAKED.add(maria.database().connect());
    }
}
