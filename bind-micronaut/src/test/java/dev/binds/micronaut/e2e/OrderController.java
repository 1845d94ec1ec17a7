package dev.binds.micronaut.e2e;

import dev.binds.BindSession;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes an order on bind {@code secondary} (PostgreSQL) through the request's session and through a
 * repository, and an audit row on bind {@code default} (MariaDB).
 */
@Controller("/e2e/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "spec.name", value = "e2e")
class OrderController {

    /** Lets a test hold a request in flight. */
    static volatile CountDownLatch holding = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    private final BindSession orders;
    private final BindSession audit;
    private final OrderRepository repository;
    private final OrderService service;

    OrderController(@Named("secondary") BindSession orders, BindSession audit, OrderRepository repository,
                    OrderService service) {
        this.orders = orders;
        this.audit = audit;
        this.repository = repository;
        this.service = service;
    }

    @Post("/{ref}")
    Map<String, Object> create(String ref) {
        write(ref);
        // the repository sees the session's uncommitted row: same connection, same transaction
        return Map.of("seen", repository.countByRefStartsWith(ref));
    }

    @Post("/{ref}/fail")
    Map<String, Object> fail(String ref) {
        write(ref);
        throw new IllegalStateException("handler failed after writing " + ref);
    }

    /** Two orders with one ref: each statement passes, the deferred unique constraint fails the COMMIT. */
    @Post("/{ref}/duplicate")
    Map<String, Object> duplicate(String ref) {
        orders.update("insert into orders (ref, total) values (?, ?)", ref, 1);
        repository.save(new PurchaseOrder(ref, 2));
        audit.update("insert into audit (ref) values (?)", ref);
        return Map.of("written", 2);
    }

    /**
     * {@code @Transactional("secondary")} methods inside the request, one of them read-only: Micronaut Data
     * would switch the connection to read-only, which PostgreSQL refuses inside a transaction.
     */
    @Post("/{ref}/transactional")
    Map<String, Object> transactional(String ref, @QueryValue(defaultValue = "false") boolean fail) {
        orders.update("insert into orders (ref, total) values (?, ?)", ref, 1);
        service.create(ref + "-tx");
        long seen = service.countReadOnly(ref);
        if (fail) {
            throw new IllegalStateException("handler failed after the @Transactional methods");
        }
        return Map.of("seen", seen);
    }

    @Post("/{ref}/hold")
    Map<String, Object> hold(String ref) throws InterruptedException {
        write(ref);
        holding.countDown();
        release.await(30, TimeUnit.SECONDS);
        return Map.of("held", true);
    }

    private void write(String ref) {
        orders.update("insert into orders (ref, total) values (?, ?)", ref, 1);
        repository.save(new PurchaseOrder(ref + "-repo", 2));
        audit.update("insert into audit (ref) values (?)", ref);
    }
}
