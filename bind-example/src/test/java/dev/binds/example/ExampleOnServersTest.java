package dev.binds.example;

import dev.binds.Bind;
import dev.binds.testing.BindTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code postgres} environment: users on PostgreSQL, orders on MariaDB, each a fresh database. */
@MicronautTest(transactional = false, environments = "postgres")
@BindTest
class ExampleOnServersTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Bind users;

    @Inject
    @Named("secondary")
    Bind orders;

    @Test
    void theBindsAreOnTheServers() {
        assertThat(users.dialect().name()).isEqualTo("postgresql");
        assertThat(orders.dialect().name()).isEqualTo("mariadb");
    }

    @Test
    void usersAreCreatedOnceThenCounted() {
        ExampleChecks.usersAreCreatedOnceThenCounted(http);
    }

    @Test
    void ordersCreateUpdatePaginateAndShareTheTransactionWithTheRepository() {
        ExampleChecks.ordersCreateUpdatePaginateAndShareTheTransactionWithTheRepository(http);
    }

    @Test
    void anEndpointThatFailsHalfWayLeavesNothingBehind() {
        ExampleChecks.anEndpointThatFailsHalfWayLeavesNothingBehind(http, orders);
    }
}
