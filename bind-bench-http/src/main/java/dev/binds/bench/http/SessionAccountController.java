package dev.binds.bench.http;

import dev.binds.BindSession;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

/**
 * The measured side of benchmark 5: the request's unit of work on bind {@code bench}, which takes its
 * connection on the first statement and is committed by the module's filter before the response is written.
 */
@Controller(value = "/session/accounts", produces = MediaType.TEXT_PLAIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "binds." + Accounts.BIND + ".url")
final class SessionAccountController {

    private final BindSession db;

    SessionAccountController(@Named(Accounts.BIND) BindSession db) {
        this.db = db;
    }

    @Get("/{id}")
    String get(long id) {
        return db.queryOne(Accounts.SELECT, Accounts.ROW, id).orElseThrow(() -> Accounts.notFound(id));
    }

    @Post("/{id}/hit")
    String hit(long id) {
        return Accounts.updated(id, db.update(Accounts.UPDATE, id));
    }
}
