package dev.binds.example;

import dev.binds.Bind;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import dev.binds.testing.BindTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;



/**
 * The example's endpoints over real HTTP, each bind on its own fresh database from bind-test-support
 * (H2 here; {@link ExampleOnServersTest} runs the same on PostgreSQL and MariaDB).
 */
@MicronautTest(transactional = false)
@BindTest
class ExampleApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    @Named("secondary")
    Bind orders;

    @Test
    void usersAreCreatedOnceThenCounted() {
        ExampleChecks.usersAreCreatedOnceThenCounted(http);
    }

    @Test
    void ordersCreateUpdatePaginateAndShareTheTransactionWithTheRepository() {
        ExampleChecks.ordersCreateUpdatePaginateAndShareTheTransactionWithTheRepository(http);
    }

    @Test
    void healthAndTheBindsEndpointShowEveryBindByName() {
        ExampleChecks.healthAndTheBindsEndpointShowEveryBindByName(http);
    }

    @Test
    void anEndpointThatFailsHalfWayLeavesNothingBehind() {
        ExampleChecks.anEndpointThatFailsHalfWayLeavesNothingBehind(http, orders);
    }
}
