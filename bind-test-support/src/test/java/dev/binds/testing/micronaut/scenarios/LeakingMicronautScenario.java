package dev.binds.testing.micronaut.scenarios;

import dev.binds.testing.BindTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Run by MicronautLeakTest only: opens a connection to its MariaDB bind and never closes it. */
@BindTest
@MicronautTest(startApplication = false)
public class LeakingMicronautScenario {

    private static final List<Connection> LEAKED = new ArrayList<>();

    @Property(name = "binds.maria.url")
    String url;
    @Property(name = "binds.maria.username")
    String user;
    @Property(name = "binds.maria.password")
    String password;

    @Test
    void leaks() throws SQLException {
        LEAKED.add(DriverManager.getConnection(url, user, password));
    }
}
