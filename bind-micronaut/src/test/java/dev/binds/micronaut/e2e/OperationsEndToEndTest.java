package dev.binds.micronaut.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.binds.micronaut.Payloads;
import dev.binds.micronaut.RecordedBindEvents;
import dev.binds.micronaut.event.BindMigratedEvent;
import dev.binds.micronaut.event.BindPoolCreatedEvent;
import dev.binds.micronaut.metrics.BindMetrics;
import dev.binds.migrate.SyncOutcome;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.IsolatedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operating two binds over HTTP on the reference servers: bind {@code default} on MariaDB, bind
 * {@code secondary} on PostgreSQL with a password (trust authentication ignores it; it is in the URL too,
 * so masking is seen). The health endpoint, the {@code /binds} endpoint, the metrics after a few requests
 * and the events of start-up; no payload holds the password.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsEndToEndTest implements TestPropertyProvider {

    static final String PASSWORD = "Ops-pw-7f3kq9";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IsolatedDatabase mariadb;
    private IsolatedDatabase postgres;
    private TestAbortedException unavailable;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MeterRegistry registry;
    @Inject
    RecordedBindEvents events;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>();
        props.put("spec.name", "ops");
        props.put(RecordedBindEvents.PROPERTY, "true");
        props.put("endpoints.health.details-visible", "ANONYMOUS");
        props.put("endpoints.binds.sensitive", "false");
        try {
            postgres = IsolatedDatabase.create(DatabaseKind.POSTGRES);
            mariadb = IsolatedDatabase.create(DatabaseKind.MARIADB);
        } catch (TestAbortedException e) {
            unavailable = e;
            dropDatabases();
            props.put("binds.default.url", "jdbc:h2:mem:ops-skipped");
            return props;
        }
        props.put("binds.default.url", mariadb.jdbcUrl());
        props.put("binds.default.username", mariadb.username());
        props.put("binds.default.migrations.locations", "classpath:db/ops-default");
        props.put("binds.default.pool.maximum-pool-size", "4");
        props.put("binds.default.pool.minimum-idle", "1");
        String url = postgres.jdbcUrl();
        props.put("binds.secondary.url", url + (url.contains("?") ? "&" : "?") + "password=" + PASSWORD);
        props.put("binds.secondary.username", postgres.username());
        props.put("binds.secondary.password", PASSWORD);
        props.put("binds.secondary.migrations.locations", "classpath:db/ops-secondary");
        props.put("binds.secondary.pool.maximum-pool-size", "3");
        props.put("binds.secondary.pool.minimum-idle", "1");
        return props;
    }

    @BeforeEach
    void requireServers() {
        if (unavailable != null) {
            throw unavailable;
        }
    }

    @AfterAll
    void dropDatabases() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            if (mariadb != null) {
                mariadb.close();
            }
        }
    }

    @Test
    void healthHasOneResultPerBindKeyedByName() throws IOException {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        assertThat(response.code()).isEqualTo(200);
        String body = response.body();
        System.out.println("GET /health\n" + Payloads.keep("health.json", body));
        assertThat(body).doesNotContain(PASSWORD);

        JsonNode health = JSON.readTree(body);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode binds = health.path("details").path("binds");
        assertThat(binds.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").has("jdbc")).as("Micronaut's JDBC indicator, keyed by URL, is off").isFalse();

        JsonNode mariadbBind = binds.path("details").path("default");
        assertThat(mariadbBind.path("status").asText()).isEqualTo("UP");
        JsonNode d = mariadbBind.path("details");
        assertThat(d.path("critical").asBoolean()).isTrue();
        assertThat(d.path("dialect").asText()).isEqualTo("mariadb");
        assertThat(d.path("database").asText()).contains("MariaDB");
        assertThat(d.path("url").asText()).isEqualTo(mariadb.jdbcUrl());
        assertThat(d.path("pool").path("max").asInt()).isEqualTo(4);
        assertThat(d.path("pool").has("active")).isTrue();
        assertThat(d.path("pool").has("idle")).isTrue();
        assertThat(d.path("pool").has("pending")).isTrue();
        assertThat(d.path("migrations").path("state").asText()).isEqualTo("UP_TO_DATE");
        assertThat(d.path("migrations").path("current").asText()).isEqualTo("1");
        assertThat(d.path("migrations").path("latest").asText()).isEqualTo("1");

        JsonNode postgresBind = binds.path("details").path("secondary");
        assertThat(postgresBind.path("status").asText()).isEqualTo("UP");
        assertThat(postgresBind.path("details").path("dialect").asText()).isEqualTo("postgresql");
        assertThat(postgresBind.path("details").path("database").asText()).contains("PostgreSQL");
        assertThat(postgresBind.path("details").path("url").asText()).contains("password=****");
        assertThat(postgresBind.path("details").path("pool").path("max").asInt()).isEqualTo(3);

        String readiness = client.toBlocking().retrieve(HttpRequest.GET("/health/readiness"), String.class);
        assertThat(JSON.readTree(readiness).path("details").path("binds").path("status").asText()).isEqualTo("UP");
        assertThat(readiness).doesNotContain(PASSWORD);
        String liveness = client.toBlocking().retrieve(HttpRequest.GET("/health/liveness"), String.class);
        assertThat(JSON.readTree(liveness).path("details").has("binds")).as("a database is no liveness concern").isFalse();
    }

    @Test
    void bindsEndpointShowsEveryBindMaskedAndOneByName() throws IOException {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/binds"), String.class);
        System.out.println("GET /binds\n" + Payloads.keep("binds.json", body));
        assertThat(body).doesNotContain(PASSWORD);
        JsonNode all = JSON.readTree(body);
        assertThat(all.fieldNames()).toIterable().containsExactly("default", "secondary");
        JsonNode secondary = all.path("secondary");
        assertThat(secondary.path("url").asText()).contains("password=****").doesNotContain(PASSWORD);
        assertThat(secondary.path("dialect").asText()).isEqualTo("postgresql");
        assertThat(secondary.path("lazy").asBoolean()).isFalse();
        assertThat(secondary.path("started").asBoolean()).isTrue();
        assertThat(secondary.path("pool").path("max").asInt()).isEqualTo(3);
        assertThat(secondary.path("migrations").path("state").asText()).isEqualTo("UP_TO_DATE");
        assertThat(secondary.path("migrations").path("current").asText()).isEqualTo("1");
        assertThat(secondary.path("migrations").path("latest").asText()).isEqualTo("1");
        assertThat(all.path("default").path("dialect").asText()).isEqualTo("mariadb");

        String one = client.toBlocking().retrieve(HttpRequest.GET("/binds/secondary"), String.class);
        System.out.println("GET /binds/secondary\n" + Payloads.keep("binds-secondary.json", one));
        assertThat(one).doesNotContain(PASSWORD);
        JsonNode history = JSON.readTree(one).path("history");
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).path("version").asText()).isEqualTo("1");
        assertThat(history.get(0).path("state").asText()).isEqualTo("SUCCESS");
        assertThat(history.get(0).path("script").asText()).isEqualTo("V1__create_tags.sql");

        HttpClientResponseException unknown = failure(HttpRequest.GET("/binds/nope"));
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.getResponse().getBody(String.class).orElse(""))
                .contains("No bind named 'nope'").contains("Configured binds: default, secondary");

        HttpClientResponseException refused = failure(HttpRequest.POST("/binds/secondary", Map.of()));
        assertThat(refused.code()).isEqualTo(403);
        assertThat(refused.getResponse().getBody(String.class).orElse(""))
                .contains("endpoints.binds.sync-enabled=true");
    }

    @Test
    void metricsAreTaggedWithTheBindName() {
        assertThat(post("/ops/tags/red")).isEqualTo(200);
        assertThat(post("/ops/tags/red")).isEqualTo(200);
        assertThat(post("/ops/tags/blue")).isEqualTo(200);
        assertThat(post("/ops/notes/n1/fail")).isEqualTo(500);

        // HikariCP's own tracker, the pool named after the bind
        assertThat(registry.get("hikaricp.connections").tag("pool", "secondary").gauge().value()).isGreaterThan(0);
        assertThat(registry.get("hikaricp.connections.max").tag("pool", "default").gauge().value()).isEqualTo(4);
        assertThat(registry.get("hikaricp.connections.acquire").tag("pool", "secondary").timer().count())
                .isGreaterThanOrEqualTo(3);

        assertThat(count(BindMetrics.OPENED, "secondary")).isGreaterThanOrEqualTo(3);
        assertThat(count(BindMetrics.COMMITS, "secondary")).isGreaterThanOrEqualTo(3);
        assertThat(count(BindMetrics.ROLLBACKS, "default")).isGreaterThanOrEqualTo(1);
        assertThat(registry.get(BindMetrics.DURATION).tag("bind", "secondary").timer().count()).isGreaterThanOrEqualTo(3);
        assertThat(registry.get(BindMetrics.GET_OR_CREATE).tag("bind", "secondary").tag("result", "created")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(BindMetrics.GET_OR_CREATE).tag("bind", "secondary").tag("result", "found")
                .counter().count()).isEqualTo(1);
        assertThat(registry.find(BindMetrics.GET_OR_CREATE).tag("bind", "default").tag("result", "created")
                .counter().count()).isZero();
    }

    @Test
    void startUpPublishedPoolCreatedAndMigratedEventsPerBind() {
        assertThat(events.of(BindPoolCreatedEvent.class))
                .contains("BindPoolCreatedEvent[default]", "BindPoolCreatedEvent[secondary]");
        assertThat(events.list(BindMigratedEvent.class)).hasSize(2).allSatisfy(e -> {
            assertThat(e.result().outcome()).isEqualTo(SyncOutcome.CREATED);
            assertThat(e.result().toVersion()).isEqualTo("1");
        });
        assertThat(events.of(BindMigratedEvent.class)).containsExactly("BindMigratedEvent[default]",
                "BindMigratedEvent[secondary]");
    }

    private double count(String name, String bind) {
        return registry.get(name).tag("bind", bind).counter().count();
    }

    private int post(String uri) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST(uri, ""), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private HttpClientResponseException failure(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected " + request + " to fail");
    }
}
