package dev.binds.micronaut.e2e;

import dev.binds.Bind;
import dev.binds.BindManager;
import dev.binds.BindSession;
import dev.binds.micronaut.request.OutsideRequestException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * End to end over HTTP on the reference servers: bind {@code default} on MariaDB, bind
 * {@code secondary} on PostgreSQL, each in a fresh database migrated at start-up. A controller writes
 * through {@code @Named("secondary") BindSession}, a Micronaut Data repository of the same bind and the
 * default bind's session.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoDatabasesEndToEndTest implements TestPropertyProvider {

    private TwoDatabases databases;
    /** Set when a server is not running outside CI: each test then reports itself skipped, with the reason. */
    private TestAbortedException unavailable;

    @Inject
    ApplicationContext ctx;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    BindManager binds;

    @Override
    public Map<String, String> getProperties() {
        try {
            databases = new TwoDatabases();
            return databases.properties();
        } catch (TestAbortedException e) {
            unavailable = e;
            return Map.of("binds.default.url", "jdbc:h2:mem:e2e-skipped");
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
        if (unavailable != null) {
            return;
        }
        for (Bind bind : binds.binds().values()) {
            assertThat(bind.poolState().active()).as("active connections of %s", bind.name()).isZero();
        }
    }

    @Test
    void successCommitsTheSessionTheRepositoryAndTheOtherBind() {
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.POST("/e2e/orders/ok-1", ""), Map.class);
        assertThat(response.code()).isEqualTo(200);
        assertThat(((Number) response.body().get("seen")).intValue()).isEqualTo(2);
        assertThat(orders("ok-1%")).isEqualTo(2);
        assertThat(audits("ok-1")).isEqualTo(1);
    }

    @Test
    void anExceptionRollsBackEveryWrite() {
        assertThat(post("/e2e/orders/fail-1/fail")).isEqualTo(500);
        assertThat(orders("fail-1%")).isZero();
        assertThat(audits("fail-1")).isZero();
    }

    @Test
    void transactionalMethodsJoinTheRequestTransaction() {
        HttpResponse<Map> response = client.toBlocking()
                .exchange(HttpRequest.POST("/e2e/orders/tx-1/transactional", ""), Map.class);
        assertThat(((Number) response.body().get("seen")).intValue()).isEqualTo(2);
        assertThat(orders("tx-1%")).isEqualTo(2);
        assertThat(post("/e2e/orders/tx-2/transactional?fail=true")).isEqualTo(500);
        assertThat(orders("tx-2%")).isZero();
    }

    @Test
    void aFailedCommitGivesAServerErrorAndStoresNothing() {
        // both inserts pass; PostgreSQL checks the deferred unique constraint at COMMIT, which fails
        assertThat(post("/e2e/orders/dup-1/duplicate")).isBetween(500, 599);
        assertThat(orders("dup-1")).isZero();
        // the failed bind was used first: the other bind's work is rolled back with it
        assertThat(audits("dup-1")).isZero();
    }

    @Test
    void twoHundredConcurrentRequestsLeaveNoActiveConnection() throws Exception {
        long before = orders("load-%");
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String uri = "/e2e/orders/load-" + i;
                results.add(clients.submit(() -> post(uri)));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        for (Bind bind : binds.binds().values()) {
            assertThat(bind.poolState().active()).as("active connections of %s", bind.name()).isZero();
            assertThat(bind.poolState().pending()).isZero();
            assertThat(bind.openSessions()).isZero();
        }
        assertThat(orders("load-%") - before).isEqualTo(400);
        assertThat(TwoDatabases.count(databases.mariadb, "select count(*) from audit where ref like 'load-%'"))
                .isEqualTo(200);
    }

    @Test
    void outsideARequestTheSessionPointsToBindInTransaction() {
        ReportJob job = ctx.getBean(ReportJob.class);
        assertThatThrownBy(job::countWithRequestSession)
                .isInstanceOf(OutsideRequestException.class)
                .hasMessageContaining("@Named(\"secondary\") BindSession is request-scoped")
                .hasMessageContaining("bind.inTransaction")
                .hasMessageContaining("bind.withSession");
        assertThat(job.countWithBind()).isGreaterThanOrEqualTo(0);
        BindSession session = ctx.getBean(BindSession.class, Qualifiers.byName("secondary"));
        assertThatThrownBy(() -> session.query("select 1")).isInstanceOf(OutsideRequestException.class);
    }

    private int post(String uri) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST(uri, ""), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private long orders(String refLike) {
        return TwoDatabases.count(databases.postgres, "select count(*) from orders where ref like ?", refLike);
    }

    private long audits(String ref) {
        return TwoDatabases.count(databases.mariadb, "select count(*) from audit where ref = ?", ref);
    }
}
