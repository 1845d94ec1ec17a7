package dev.binds.micronaut.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.binds.Bind;
import dev.binds.BindManager;
import dev.binds.BindSession;
import dev.binds.micronaut.Payloads;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.DatabaseServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Binds that are down, over HTTP: a lazy bind pointed at a PostgreSQL database that does not exist, a
 * lazy bind pointed at a closed MariaDB port, a pool that has no connection to give. A critical bind
 * down takes the application DOWN (503); a non-critical one shows DOWN in its own details only; a bind
 * with {@code health.enabled=false} is not there. The healthy bind is an in-memory H2 database.
 */
class BindsHealthTest {

    private static final String PASSWORD = "Health-pw-93kd1x";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCriticalBindThatIsDownTakesTheApplicationDown() throws IOException {
        DatabaseServer postgres = postgres();
        Map<String, Object> props = healthyDefault();
        missingDatabase(props, "reports", postgres);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
             HttpClient client = HttpClient.create(server.getURL())) {
            HttpClientResponseException down = health503(client);
            String body = down.getResponse().getBody(String.class).orElseThrow();
            System.out.println("GET /health, a critical bind down\n" + Payloads.keep("health-critical-down.json", body));
            assertThat(body).doesNotContain(PASSWORD);
            JsonNode health = JSON.readTree(body);
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            JsonNode binds = health.path("details").path("binds");
            assertThat(binds.path("status").asText()).isEqualTo("DOWN");
            assertThat(binds.path("details").path("default").path("status").asText()).isEqualTo("UP");
            JsonNode reports = binds.path("details").path("reports");
            assertThat(reports.path("status").asText()).isEqualTo("DOWN");
            assertThat(reports.path("details").path("critical").asBoolean()).isTrue();
            assertThat(reports.path("details").path("error").asText())
                    .contains("Bind 'reports': cannot connect to")
                    .contains("does not exist")
                    .contains("binds.reports.url");
        }
    }

    @Test
    void aNonCriticalBindThatIsDownShowsDownWhileTheApplicationStaysUp() throws IOException {
        DatabaseServer postgres = postgres();
        DatabaseKind.MARIADB.server().requireAvailable();
        Map<String, Object> props = healthyDefault();
        missingDatabase(props, "reports", postgres);
        props.put("binds.reports.health.critical", false);
        props.put("binds.archive.url", "jdbc:mariadb://127.0.0.1:1/archive");
        props.put("binds.archive.username", "root");
        props.put("binds.archive.lazy", true);
        props.put("binds.archive.health.critical", false);
        missingDatabase(props, "ignored", postgres);
        props.put("binds.ignored.health.enabled", false);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
             HttpClient client = HttpClient.create(server.getURL())) {
            String body = client.toBlocking().retrieve(HttpRequest.GET("/health"), String.class);
            System.out.println("GET /health, non-critical binds down\n" + Payloads.keep("health-noncritical-down.json", body));
            assertThat(body).doesNotContain(PASSWORD);
            JsonNode health = JSON.readTree(body);
            assertThat(health.path("status").asText()).isEqualTo("UP");
            JsonNode binds = health.path("details").path("binds");
            assertThat(binds.path("status").asText()).isEqualTo("UP");
            assertThat(binds.path("details").fieldNames()).toIterable()
                    .containsExactly("default", "archive", "reports");
            JsonNode reports = binds.path("details").path("reports");
            assertThat(reports.path("status").asText()).isEqualTo("DOWN");
            assertThat(reports.path("details").path("critical").asBoolean()).isFalse();
            assertThat(reports.path("details").path("error").asText()).contains("does not exist");
            JsonNode archive = binds.path("details").path("archive");
            assertThat(archive.path("status").asText()).isEqualTo("DOWN");
            assertThat(archive.path("details").path("error").asText())
                    .contains("Bind 'archive': cannot connect to jdbc:mariadb://127.0.0.1:1/archive");

            // the default bind's only connection is taken: the check gives up after health.timeout
            Bind bind = server.getApplicationContext().getBean(BindManager.class).bind("default");
            try (BindSession session = bind.openSession()) {
                session.query("select 1");
                long start = System.nanoTime();
                HttpClientResponseException down = health503(client);
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
                JsonNode exhausted = JSON.readTree(down.getResponse().getBody(String.class).orElseThrow())
                        .path("details").path("binds").path("details").path("default");
                assertThat(exhausted.path("status").asText()).isEqualTo("DOWN");
                assertThat(exhausted.path("details").path("error").asText())
                        .contains("no answer within 1000ms (binds.default.health.timeout)");
                assertThat(exhausted.path("details").path("pool").path("active").asInt()).isEqualTo(1);
            }
            String again = client.toBlocking().retrieve(HttpRequest.GET("/health"), String.class);
            assertThat(JSON.readTree(again).path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void endpointsHealthBindsEnabledFalseRemovesTheIndicator() {
        Map<String, Object> props = healthyDefault();
        props.put("endpoints.health.binds.enabled", false);
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            assertThat(ctx.getBeansOfType(HealthIndicator.class)).isNotEmpty()
                    .noneMatch(BindsHealthIndicator.class::isInstance);
        }
        try (ApplicationContext ctx = ApplicationContext.run(healthyDefault())) {
            assertThat(ctx.getBeansOfType(HealthIndicator.class)).anyMatch(BindsHealthIndicator.class::isInstance);
        }
    }

    @Test
    void aHealthTimeoutThatIsNotPositiveStopsStartUpNamingTheProperty() {
        Map<String, Object> props = healthyDefault();
        props.put("binds.default.health.timeout", "0s");
        assertThatThrownBy(() -> ApplicationContext.run(props).close())
                .rootCause()
                .hasMessageContaining("binds.default.health.timeout must be a positive duration");
    }

    private static DatabaseServer postgres() {
        DatabaseServer server = DatabaseKind.POSTGRES.server();
        server.requireAvailable();
        return server;
    }

    private static Map<String, Object> healthyDefault() {
        Map<String, Object> props = new HashMap<>();
        props.put("endpoints.health.details-visible", "ANONYMOUS");
        props.put("binds.default.url", "jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        props.put("binds.default.pool.maximum-pool-size", 1);
        props.put("binds.default.pool.connection-timeout", "5s");
        props.put("binds.default.health.timeout", "1s");
        return props;
    }

    /** A lazy bind, so that start-up does not fail, on a database the server does not have. */
    private static void missingDatabase(Map<String, Object> props, String name, DatabaseServer server) {
        props.put("binds." + name + ".url", server.jdbcUrl("bind_missing_" + Long.toString(System.nanoTime(), 36)));
        props.put("binds." + name + ".username", server.username());
        props.put("binds." + name + ".password", PASSWORD);
        props.put("binds." + name + ".lazy", true);
    }

    private static HttpClientResponseException health503(HttpClient client) {
        try {
            client.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        } catch (HttpClientResponseException e) {
            assertThat(e.code()).isEqualTo(503);
            return e;
        }
        throw new AssertionError("expected /health to answer 503");
    }
}
