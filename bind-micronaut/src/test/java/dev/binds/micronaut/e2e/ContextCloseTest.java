package dev.binds.micronaut.e2e;

import dev.binds.Bind;
import dev.binds.BindManager;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application while a request holds sessions on both binds: the in-flight work is rolled
 * back, every pool closes, and neither server has a connection to its database left afterwards.
 */
class ContextCloseTest {

    @Test
    void closingTheContextRollsBackInFlightWorkAndLeavesNoConnection() throws Exception {
        try (TwoDatabases databases = new TwoDatabases()) {
            Map<String, Object> props = new HashMap<>(databases.properties());
            OrderController.holding = new CountDownLatch(1);
            OrderController.release = new CountDownLatch(1);
            ApplicationContext ctx = ApplicationContext.run(props);
            Bind secondary;
            Bind primary;
            try {
                EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
                secondary = ctx.getBean(BindManager.class).bind("secondary");
                primary = ctx.getBean(BindManager.class).bind("default");
                HttpClient client = HttpClient.create(server.getURL());
                CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.toBlocking().exchange(HttpRequest.POST("/e2e/orders/held-1/hold", ""))
                                .code();
                    } catch (RuntimeException e) {
                        return -1; // the server went away under the request: expected
                    }
                });
                assertThat(OrderController.holding.await(20, TimeUnit.SECONDS)).isTrue();
                assertThat(secondary.poolState().active()).isEqualTo(1);
                assertThat(primary.poolState().active()).isEqualTo(1);
                assertThat(databases.postgres.openConnections()).isPositive();
                assertThat(databases.mariadb.openConnections()).isPositive();
                inFlight.whenComplete((code, failure) -> client.close());
            } finally {
                ctx.close();
                OrderController.release.countDown();
            }
            assertThat(secondary.isClosed()).isTrue();
            assertThat(primary.isClosed()).isTrue();
            assertThat(databases.postgres.awaitOpenConnections(0, Duration.ofSeconds(10))).isZero();
            assertThat(databases.mariadb.awaitOpenConnections(0, Duration.ofSeconds(10))).isZero();
            // the held request's writes were rolled back, not committed by anyone
            assertThat(TwoDatabases.count(databases.postgres, "select count(*) from orders where ref like 'held-1%'"))
                    .isZero();
            assertThat(TwoDatabases.count(databases.mariadb, "select count(*) from audit where ref = 'held-1'"))
                    .isZero();
        }
    }
}
