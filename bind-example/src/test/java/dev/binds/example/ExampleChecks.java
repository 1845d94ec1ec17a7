package dev.binds.example;

import dev.binds.Bind;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the example promises, checked over HTTP; shared by the H2 and the server test classes. */
final class ExampleChecks {

    private ExampleChecks() {
    }

    @SuppressWarnings("unchecked")
    static void usersAreCreatedOnceThenCounted(HttpClient http) {
        Map<String, Object> first = post(http, "/users", Map.of("email", "ann@example.com", "name", "Ann"));
        Map<String, Object> second = post(http, "/users", Map.of("email", "ann@example.com", "name", "Ignored"));
        assertThat(first.get("created")).isEqualTo(true);
        assertThat(second.get("created")).isEqualTo(false);
        Map<String, Object> user = (Map<String, Object>) second.get("user");
        assertThat(user.get("name")).isEqualTo("Ann");
        assertThat(((Number) user.get("visits")).intValue()).isEqualTo(1);
        post(http, "/users", Map.of("email", "bob@example.com", "name", "Bob"));
        Map<String, Object> page = get(http, "/users?page=0&size=1");
        assertThat(((Number) page.get("total")).intValue()).isEqualTo(2);
        assertThat((List<Map<String, Object>>) page.get("items")).extracting(u -> u.get("email")).containsExactly("ann@example.com");
    }

    @SuppressWarnings("unchecked")
    static void ordersCreateUpdatePaginateAndShareTheTransactionWithTheRepository(HttpClient http) {
        assertThat(post(http, "/orders", Map.of("ref", "A-1", "total", 1200)).get("created")).isEqualTo(true);
        assertThat(post(http, "/orders", Map.of("ref", "A-1", "total", 999)).get("created")).isEqualTo(false);
        post(http, "/orders", Map.of("ref", "A-2", "total", 50));
        Map<String, Object> paid = http.toBlocking().retrieve(HttpRequest.PUT("/orders/A-1/status", Map.of("status", "PAID")),
                Argument.mapOf(String.class, Object.class));
        assertThat(paid.get("created")).isEqualTo(false);
        Object status = ((Map<String, Object>) paid.get("value")).get("status");
        assertThat(status).isEqualTo("PAID");
        Map<String, Object> created = http.toBlocking().retrieve(HttpRequest.PUT("/orders/A-3/status", Map.of("status", "NEW")),
                Argument.mapOf(String.class, Object.class));
        assertThat(created.get("created")).isEqualTo(true);

        Map<String, Object> first = get(http, "/orders?limit=2");
        assertThat((List<Map<String, Object>>) first.get("items")).extracting(o -> o.get("ref")).containsExactly("A-1", "A-2");
        assertThat(first.get("hasMore")).isEqualTo(true);
        Map<String, Object> next = get(http, "/orders?limit=2&after=A-2");
        assertThat((List<Map<String, Object>>) next.get("items")).extracting(o -> o.get("ref")).containsExactly("A-3");
        assertThat(next.get("hasMore")).isEqualTo(false);

        post(http, "/orders/A-2/notes", Map.of("note", "gift wrap"));
        List<Map<String, Object>> notes = http.toBlocking().retrieve(HttpRequest.GET("/orders/A-2/notes"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(notes).extracting(n -> n.get("note")).containsExactly("gift wrap");
    }

    @SuppressWarnings("unchecked")
    static void healthAndTheBindsEndpointShowEveryBindByName(HttpClient http) {
        Map<String, Object> health = get(http, "/health");
        assertThat(health.get("status")).isEqualTo("UP");
        Map<String, Object> binds = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) health.get("details"))
                .get("binds")).get("details");
        assertThat(binds).containsOnlyKeys("default", "secondary");
        assertThat(((Map<String, Object>) binds.get("secondary")).get("status")).isEqualTo("UP");
        Map<String, Object> endpoint = get(http, "/binds");
        assertThat(endpoint).containsOnlyKeys("default", "secondary");
        Map<String, Object> migrations = (Map<String, Object>) ((Map<String, Object>) endpoint.get("default")).get("migrations");
        assertThat(migrations.get("state")).isEqualTo("UP_TO_DATE");
    }

    static void anEndpointThatFailsHalfWayLeavesNothingBehind(HttpClient http, Bind orders) {
        assertThatThrownBy(() -> post(http, "/orders/fail", Map.of("ref", "F-1", "total", 1)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.getCode()));
        long rows = orders.withSession(s -> s.queryOne("select count(*) as n from orders where ref = ?", "F-1")
                .orElseThrow().getLong("n"));
        long notes = orders.withSession(s -> s.queryOne("select count(*) as n from order_notes where order_ref = ?", "F-1")
                .orElseThrow().getLong("n"));
        assertThat(rows).isZero();
        assertThat(notes).isZero();
        assertThat(orders.poolState().active()).isZero();
    }

    private static Map<String, Object> post(HttpClient http, String path, Map<String, Object> body) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body), Argument.mapOf(String.class, Object.class));
    }

    private static Map<String, Object> get(HttpClient http, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
    }
}
