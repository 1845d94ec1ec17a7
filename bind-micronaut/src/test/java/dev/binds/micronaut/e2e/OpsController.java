package dev.binds.micronaut.e2e;

import dev.binds.BindSession;
import dev.binds.CreateResult;
import dev.binds.Row;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import java.util.Map;

/** Uses both binds of the operations test, so their sessions show in the metrics. */
@Controller("/ops")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "spec.name", value = "ops")
class OpsController {

    private final BindSession tags;
    private final BindSession notes;

    OpsController(@Named("secondary") BindSession tags, BindSession notes) {
        this.tags = tags;
        this.notes = notes;
    }

    /** getOrCreate on bind {@code secondary}: created the first time, found afterwards. */
    @Post("/tags/{name}")
    Map<String, Object> tag(String name) {
        CreateResult<Row> tag = tags.getOrCreate("tags", Map.of("name", name), Map.of("uses", 1));
        return Map.of("created", tag.created());
    }

    /** Writes a note on bind {@code default}, then fails: the request's session rolls back. */
    @Post("/notes/{body}/fail")
    Map<String, Object> failAfterNote(String body) {
        notes.update("insert into notes (body) values (?)", body);
        throw new IllegalStateException("failing after writing note " + body);
    }
}
