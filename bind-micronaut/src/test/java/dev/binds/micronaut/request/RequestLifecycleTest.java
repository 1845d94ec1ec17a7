package dev.binds.micronaut.request;

import dev.binds.Bind;
import dev.binds.BindManager;
import dev.binds.BindSession;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.NonBlocking;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request's unit of work, end to end through a real HTTP server and client, on H2 (so it runs
 * everywhere): commit before the response, rollback on exception and on the configured statuses,
 * Micronaut Data sharing the transaction, connections always released.
 */
@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "RequestLifecycleTest")
@Property(name = "binds.default.url", value = "jdbc:h2:mem:lifecycle-default")
@Property(name = "binds.default.migrations.locations", value = "classpath:db/lifecycle")
@Property(name = "binds.secondary.url", value = "jdbc:h2:mem:lifecycle-secondary")
@Property(name = "binds.secondary.migrations.locations", value = "classpath:db/lifecycle")
@Property(name = "binds.secondary.pool.maximum-pool-size", value = "4")
@Property(name = "binds.lenient.url", value = "jdbc:h2:mem:lifecycle-lenient")
@Property(name = "binds.lenient.migrations.locations", value = "classpath:db/lifecycle")
@Property(name = "binds.lenient.request.rollback-on", value = "5xx")
class RequestLifecycleTest {

    @Inject
    ApplicationContext ctx;
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    BindManager binds;
    @Inject
    LifecycleItems items;
    @Inject
    SessionCounter counter;
    @Inject
    BindRequests requests;

    @AfterEach
    void everyConnectionIsBack() {
        for (Bind bind : binds.binds().values()) {
            assertThat(bind.poolState().active()).as("active connections of %s", bind.name()).isZero();
            assertThat(bind.openSessions()).as("open sessions of %s", bind.name()).isZero();
        }
        assertThat(requests.inFlight()).isZero();
    }

    @Test
    void successCommitsSessionAndRepositoryWritesBeforeTheResponse() {
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.POST("/lifecycle/ok/ok1", ""), Map.class);
        assertThat(response.code()).isEqualTo(200);
        // the repository saw the session's row: one connection, one transaction
        assertThat(((Number) response.body().get("count")).intValue()).isEqualTo(2);
        // committed before the response was written: visible the moment the client has it
        assertThat(count("secondary", "ok1")).isEqualTo(2);
    }

    /**
     * The commit is a round trip: never on an event loop. With {@code @ExecuteOn(BLOCKING)} the response filter
     * usually runs on the handler's thread, and then the commit runs right there, without a hand-off to another
     * thread (Micronaut sometimes runs the filter on the event loop instead, when the handler finished first;
     * then it is handed to the blocking executor, hence "at least one" below).
     */
    @Test
    void theCommitRunsOnTheHandlersThreadWhenItCanNeverOnAnEventLoop() {
        int onHandlerThread = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.POST("/lifecycle/ok/thread" + i, ""), Map.class);
            Thread committer = counter.lastCommitThread("secondary");
            assertThat(committer).isNotNull();
            assertThat(committer).as("committed on %s", committer.getName()).isNotInstanceOf(NonBlocking.class);
            if (committer.getName().equals(response.body().get("thread"))) {
                onHandlerThread++;
            }
        }
        assertThat(onHandlerThread).isPositive();
    }

    @Test
    void anExceptionRollsBackSessionAndRepositoryWrites() {
        assertThat(post("/lifecycle/fail/fail1")).isEqualTo(500);
        assertThat(count("secondary", "fail1")).isZero();
    }

    @Test
    void aClientErrorRollsBackByDefault() {
        assertThat(post("/lifecycle/bad/bad1")).isEqualTo(400);
        assertThat(count("secondary", "bad1")).isZero();
    }

    @Test
    void theRollbackStatusesAreConfiguredPerBind() {
        assertThat(post("/lifecycle/conflict/conflict1")).isEqualTo(409);
        assertThat(count("lenient", "conflict1")).isEqualTo(1);   // rollback-on: 5xx
        assertThat(count("secondary", "conflict1")).isZero();     // default: 4xx, 5xx
    }

    @Test
    void aRequestUsingTwoBindsCommitsBoth() {
        assertThat(post("/lifecycle/both/both1")).isEqualTo(200);
        assertThat(count("default", "both1")).isEqualTo(1);
        assertThat(count("secondary", "both1")).isEqualTo(1);
    }

    @Test
    void aRequestThatNeverTouchesTheBindTakesNoConnection() {
        int before = counter.opened("secondary");
        HttpResponse<Map> response = client.toBlocking().exchange("/lifecycle/none", Map.class);
        assertThat(response.body()).containsEntry("bind", "secondary");
        assertThat(counter.opened("secondary")).isEqualTo(before);
    }

    @Test
    void transactionalMethodsJoinTheRequestTransaction() {
        assertThat(post("/lifecycle/tx/tx1")).isEqualTo(200);
        assertThat(count("secondary", "tx1")).isEqualTo(2);
        // the @Transactional method returned (its commit deferred to the request), then the handler threw
        assertThat(post("/lifecycle/tx/tx2?fail=true")).isEqualTo(500);
        assertThat(count("secondary", "tx2")).isZero();
    }

    @Test
    void aFailedTransactionalMethodFailsTheRequestEvenWhenTheHandlerSwallowsIt() {
        HttpClientResponseException e = catchResponse("/lifecycle/swallowed/swallowed1");
        assertThat(e.code()).isEqualTo(500);
        assertThat(count("secondary", "swallowed1")).isZero();
    }

    @Test
    void closingTheRequestSessionEndsItsUnitOfWorkEarly() {
        assertThat(post("/lifecycle/early/early1")).isEqualTo(200);
        assertThat(count("secondary", "early1")).isEqualTo(2);
    }

    @Test
    void aClientThatGoesAwayStillGetsItsConnectionReleased() throws Exception {
        int before = counter.opened("secondary");
        DefaultHttpClientConfiguration impatient = new DefaultHttpClientConfiguration();
        impatient.setReadTimeout(Duration.ofMillis(300));
        try (HttpClient c = HttpClient.create(server.getURL(), impatient)) {
            assertThatThrownBy(() -> c.toBlocking().exchange("/lifecycle/slow/gone1", Map.class)).isNotNull();
        }
        Bind secondary = binds.bind("secondary");
        assertThat(counter.opened("secondary")).isEqualTo(before + 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((secondary.poolState().active() > 0 || secondary.openSessions() > 0 || requests.inFlight() > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(secondary.poolState().active()).isZero();
        assertThat(secondary.openSessions()).isZero();
    }

    @Test
    void aRequestThatEndsWithoutItsFilterIsReleasedWhenMicronautTerminatesIt() throws Exception {
        // what the response filter normally does not leave behind: a unit still holding a connection
        HttpRequest<?> request = HttpRequest.POST("/lifecycle/abandoned", "");
        RequestSessions unit = requests.newUnit();
        request.setAttribute(RequestSessions.ATTRIBUTE, unit);
        Bind secondary = binds.bind("secondary");
        unit.session(secondary).update("insert into item (name, qty) values ('abandoned1', 1)");
        assertThat(secondary.poolState().active()).isEqualTo(1);

        ctx.getEventPublisher(HttpRequestTerminatedEvent.class).publishEvent(new HttpRequestTerminatedEvent(request));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (requests.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(secondary.poolState().active()).isZero();
        assertThat(count("secondary", "abandoned1")).isZero();
        assertThatThrownBy(() -> unit.session(secondary)).hasMessageContaining("already ended");
    }

    @Test
    void outsideARequestTheSessionSaysWhatToUseInstead() {
        BindSession session = ctx.getBean(BindSession.class, Qualifiers.byName("secondary"));
        assertThat(session.bindName()).isEqualTo("secondary");
        assertThatThrownBy(() -> session.update("insert into item (name, qty) values ('outside', 1)"))
                .isInstanceOf(OutsideRequestException.class)
                .hasMessageContaining("Bind 'secondary'")
                .hasMessageContaining("outside an HTTP request")
                .hasMessageContaining("bind.inTransaction(session -> ...)")
                .hasMessageContaining("bind.withSession(session -> ...)");
    }

    @Test
    void outsideARequestRepositoriesUseTheirOwnConnectionAndCommit() {
        items.save(new Item("outside1", 3));
        assertThat(count("secondary", "outside1")).isEqualTo(1);
        assertThat(items.countByName("outside1")).isEqualTo(1);
    }

    private int post(String uri) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST(uri, ""), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private HttpClientResponseException catchResponse(String uri) {
        try {
            client.toBlocking().exchange(HttpRequest.POST(uri, ""), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError(uri + " succeeded");
    }

    private long count(String bind, String name) {
        return binds.bind(bind).withSession(s -> s.queryOne("select count(*) as n from item where name = ?", name)
                .orElseThrow().getLong("n"));
    }
}
