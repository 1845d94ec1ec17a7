package dev.binds.bench.http;

import dev.binds.BindSession;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /probe/db}: one statement on bind {@code default}, after the start-up measurement, to show
 * that the binds work and that a lazy one starts its pool when first used.
 */
@Controller(value = "/probe/db", produces = MediaType.TEXT_PLAIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "binds.default.url")
final class ProbeDbController {

    private final BindSession db;

    ProbeDbController(BindSession db) {
        this.db = db;
    }

    @Get
    String db() {
        return String.valueOf(db.queryOne("select 1", rs -> rs.getInt(1)).orElseThrow());
    }
}
