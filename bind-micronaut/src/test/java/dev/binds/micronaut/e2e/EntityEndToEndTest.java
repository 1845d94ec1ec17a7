package dev.binds.micronaut.e2e;

import dev.binds.Bind;
import dev.binds.BindManager;
import dev.binds.micronaut.data.EntityTables;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entity operations through {@code @Named("secondary") BindSession} (PostgreSQL) and the default bind's
 * session (MariaDB) in a controller, over HTTP: the entity comes back as JSON, and the request's unit of
 * work commits it, or rolls it back when the handler fails.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityEndToEndTest implements TestPropertyProvider {

    private TwoDatabases databases;
    private TestAbortedException unavailable;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    BindManager binds;

    @Override
    public Map<String, String> getProperties() {
        try {
            databases = new TwoDatabases();
            EntityTables.create(databases.postgres);
            EntityTables.create(databases.mariadb);
            Map<String, String> props = databases.properties();
            props.put("spec.name", "e2e-entities");
            props.put("binds.default.migrations.enabled", "false"); // the tables above are all it needs
            props.put("binds.secondary.migrations.enabled", "false");
            return props;
        } catch (TestAbortedException e) {
            unavailable = e;
            return Map.of("binds.default.url", "jdbc:h2:mem:e2e-entities-skipped");
        }
    }

    @BeforeEach
    void requireServers() {
        if (unavailable != null) {
            throw unavailable;
        }
    }

    @AfterAll
    void dropDatabases() {
        if (databases != null) {
            databases.close();
        }
    }

    @AfterEach
    void noConnectionIsLeftActive() {
        if (unavailable == null) {
            for (Bind bind : binds.binds().values()) {
                assertThat(bind.poolState().active()).as("active connections of %s", bind.name()).isZero();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void getOrCreateReturnsTheEntityAsJsonAndCommits() {
        Map<String, Object> first = post("/e2e/entities/tickets/http-1?quantity=3");
        assertThat(first.get("created")).isEqualTo(true);
        Map<String, Object> ticket = (Map<String, Object>) first.get("value");
        assertThat(ticket).containsEntry("code", "http-1").containsEntry("itemName", "item http-1")
                .containsEntry("quantity", 3).containsEntry("status", "OPEN").containsKey("createdAt");
        long id = ((Number) ticket.get("id")).longValue();
        assertThat(TwoDatabases.count(databases.postgres, "select count(*) from support_ticket where code = ? and item_name = ?",
                "http-1", "item http-1")).isEqualTo(1);

        Map<String, Object> again = post("/e2e/entities/tickets/http-1?quantity=7");
        assertThat(again.get("created")).isEqualTo(false);
        assertThat(((Map<String, Object>) again.get("value")).get("id")).isEqualTo(ticket.get("id"));

        Map<String, Object> byId = client.toBlocking().retrieve(HttpRequest.GET("/e2e/entities/tickets/" + id), Map.class);
        assertThat(byId).containsEntry("code", "http-1").containsEntry("quantity", 3);
    }

    @Test
    void aFailingHandlerRollsTheCreatedEntityBack() {
        assertThatThrownBy(() -> post("/e2e/entities/tickets/http-fail/fail"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.code()).isEqualTo(500));
        assertThat(TwoDatabases.count(databases.postgres, "select count(*) from support_ticket where code = ?", "http-fail"))
                .isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesAndCursorsOverHttp() {
        for (int i = 1; i <= 5; i++) {
            post("/e2e/entities/tickets/page-" + i);
        }
        Map<String, Object> page = client.toBlocking()
                .retrieve(HttpRequest.GET("/e2e/entities/tickets?status=OPEN&page=1&size=2"), Map.class);
        assertThat(((Number) page.get("total")).longValue()).isGreaterThanOrEqualTo(5);
        assertThat((List<Object>) page.get("items")).hasSize(2);

        Map<String, Object> cursor = client.toBlocking()
                .retrieve(HttpRequest.GET("/e2e/entities/tickets/after/page-2?limit=2"), Map.class);
        assertThat((List<Map<String, Object>>) cursor.get("items")).extracting(t -> t.get("code"))
                .containsExactly("page-3", "page-4");
        assertThat(cursor.get("hasMore")).isEqualTo(true);
    }

    @Test
    void aRecordEntityOnTheOtherBindAndServer() {
        Map<String, Object> created = post("/e2e/entities/gadgets/g-http?quantity=2");
        Map<String, Object> updated = post("/e2e/entities/gadgets/g-http?quantity=5");
        assertThat(updated).containsEntry("id", created.get("id")).containsEntry("code", "g-http").containsEntry("quantity", 5);
        assertThat(TwoDatabases.count(databases.mariadb, "select count(*) from gadget where code = ? and quantity = 5", "g-http"))
                .isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String uri) {
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.POST(uri, ""), Map.class);
        assertThat(response.code()).isEqualTo(200);
        return response.body();
    }
}
