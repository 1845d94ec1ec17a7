package dev.binds.micronaut.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.binds.micronaut.RecordedBindEvents;
import dev.binds.micronaut.event.BindClosedEvent;
import dev.binds.micronaut.event.BindMigratedEvent;
import dev.binds.micronaut.event.BindPoolCreatedEvent;
import dev.binds.migrate.SyncOutcome;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /binds/{name}} where it is enabled, on a lazy H2 bind that is not migrated at start-up:
 * reading the endpoint does not start the pool, the sync creates the schema and publishes the events,
 * closing the application publishes {@link BindClosedEvent}. Sensitive by default: 401 without a user.
 */
class BindsEndpointSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void syncThroughTheEndpointWhenEnabledAndTheEventsOfABindsLife() throws IOException {
        Map<String, Object> props = new HashMap<>();
        props.put(RecordedBindEvents.PROPERTY, true);
        props.put("endpoints.binds.sensitive", false);
        props.put("endpoints.binds.sync-enabled", true);
        props.put("binds.default.url", "jdbc:h2:mem:sync-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        props.put("binds.default.lazy", true);
        props.put("binds.default.migrations.sync-at-start", false);
        props.put("binds.default.migrations.locations", "classpath:db/wiring-things");
        RecordedBindEvents events;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
             HttpClient client = HttpClient.create(server.getURL())) {
            events = server.getApplicationContext().getBean(RecordedBindEvents.class);
            assertThat(events.all()).as("lazy and not migrated at start-up").isEmpty();

            JsonNode before = JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/binds/default"), String.class));
            assertThat(before.path("lazy").asBoolean()).isTrue();
            assertThat(before.path("started").asBoolean()).isFalse();
            assertThat(before.path("migrations").path("message").asText()).contains("lazy and its pool has not started");
            assertThat(events.all()).as("reading does not start the pool").isEmpty();

            JsonNode sync = JSON.readTree(client.toBlocking()
                    .retrieve(HttpRequest.POST("/binds/default", Map.of()), String.class));
            assertThat(sync.path("outcome").asText()).isEqualTo("CREATED");
            assertThat(sync.path("to").asText()).isEqualTo("1");
            assertThat(sync.path("applied").asInt()).isEqualTo(1);
            assertThat(sync.path("bind").path("migrations").path("state").asText()).isEqualTo("UP_TO_DATE");
            assertThat(events.of(BindPoolCreatedEvent.class)).containsExactly("BindPoolCreatedEvent[default]");
            assertThat(events.list(BindMigratedEvent.class)).singleElement()
                    .satisfies(e -> assertThat(e.result().outcome()).isEqualTo(SyncOutcome.CREATED));

            JsonNode again = JSON.readTree(client.toBlocking()
                    .retrieve(HttpRequest.POST("/binds/default", Map.of()), String.class));
            assertThat(again.path("outcome").asText()).isEqualTo("ALREADY_UP_TO_DATE");
            assertThat(events.list(BindMigratedEvent.class)).hasSize(2);

            JsonNode after = JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/binds/default"), String.class));
            assertThat(after.path("started").asBoolean()).isTrue();
            assertThat(after.path("history").get(0).path("state").asText()).isEqualTo("SUCCESS");

            assertThatThrownBy(() -> client.toBlocking().retrieve(HttpRequest.POST("/binds/nope", Map.of()), String.class))
                    .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.code()).isEqualTo(404));
            assertThat(events.all()).noneMatch(BindClosedEvent.class::isInstance);
        }
        assertThat(events.of(BindClosedEvent.class)).containsExactly("BindClosedEvent[default]");
    }

    @Test
    void theEndpointIsSensitiveByDefault() {
        Map<String, Object> props = new HashMap<>();
        props.put("binds.default.url", "jdbc:h2:mem:sensitive-" + UUID.randomUUID());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThatThrownBy(() -> client.toBlocking().retrieve(HttpRequest.GET("/binds"), String.class))
                    .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.code()).isEqualTo(401));
        }
    }
}
