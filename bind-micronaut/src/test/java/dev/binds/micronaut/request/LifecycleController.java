package dev.binds.micronaut.request;

import dev.binds.BindSession;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import java.util.Map;

/** Endpoints that write through the request's sessions and a repository, and end in every way. */
@Controller("/lifecycle")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "spec.name", value = "RequestLifecycleTest")
class LifecycleController {

    private static final String INSERT = "insert into item (name, qty) values (?, ?)";

    private final BindSession db;
    private final BindSession primary;
    private final BindSession lenient;
    private final LifecycleItems items;
    private final LifecycleService service;

    LifecycleController(@Named("secondary") BindSession db, BindSession primary, @Named("lenient") BindSession lenient,
                        LifecycleItems items, LifecycleService service) {
        this.db = db;
        this.primary = primary;
        this.lenient = lenient;
        this.items = items;
        this.service = service;
    }

    /** Repository and session write; the repository sees the session's row: one transaction. */
    @Post("/ok/{name}")
    Map<String, Object> ok(String name) {
        items.save(new Item(name, 1));
        db.update(INSERT, name, 2);
        return Map.of("count", items.countByName(name), "thread", Thread.currentThread().getName());
    }

    @Post("/fail/{name}")
    Map<String, Object> fail(String name) {
        items.save(new Item(name, 1));
        db.update(INSERT, name, 2);
        throw new IllegalStateException("handler failed after writing");
    }

    @Post("/bad/{name}")
    HttpResponse<String> bad(String name) {
        db.update(INSERT, name, 2);
        items.save(new Item(name, 1));
        return HttpResponse.badRequest("no");
    }

    /** Bind {@code lenient} rolls back on 5xx only: its 409 still commits; {@code secondary}'s write does not. */
    @Post("/conflict/{name}")
    HttpResponse<String> conflict(String name) {
        lenient.update(INSERT, name, 1);
        db.update(INSERT, name, 1);
        return HttpResponse.status(HttpStatus.CONFLICT).body("kept on lenient");
    }

    @Post("/both/{name}")
    Map<String, Object> both(String name) {
        primary.update(INSERT, name, 1);
        db.update(INSERT, name, 1);
        return Map.of("ok", true);
    }

    @Get("/none")
    Map<String, Object> none() {
        return Map.of("bind", db.bindName());
    }

    @Post("/tx/{name}")
    Map<String, Object> tx(String name, @QueryValue(defaultValue = "false") boolean fail) {
        service.save(name);
        db.update(INSERT, name, 2);
        if (fail) {
            throw new IllegalStateException("failed after the @Transactional method returned");
        }
        return Map.of("count", items.countByName(name));
    }

    /** The handler swallows the failure of a @Transactional method: the request must still not commit. */
    @Post("/swallowed/{name}")
    Map<String, Object> swallowed(String name) {
        db.update(INSERT, name, 2);
        try {
            service.saveThenFail(name);
        } catch (IllegalStateException expected) {
            // carry on as if nothing happened
        }
        return Map.of("ok", true);
    }

    /** Closing the request session ends its unit of work early; using it again opens another. */
    @Post("/early/{name}")
    Map<String, Object> early(String name) {
        db.update(INSERT, name, 1);
        db.commit();
        db.close();
        db.update(INSERT, name, 2);
        return Map.of("ok", true);
    }

    @Get("/slow/{name}")
    Map<String, Object> slow(String name) throws InterruptedException {
        db.update(INSERT, name, 1);
        Thread.sleep(1500);
        return Map.of("ok", true);
    }
}
