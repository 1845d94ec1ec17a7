package dev.binds.example;

import dev.binds.BindSession;
import dev.binds.CreateResult;
import dev.binds.Page;
import dev.binds.Query;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * Users on the primary bind: an unqualified {@code BindSession} is the {@code default} bind's,
 * one unit of work per request, committed before the response is written.
 */
@Controller("/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserController {

    private final BindSession db;

    UserController(BindSession db) {
        this.db = db;
    }

    /** Registers a visit: creates the user on the first one (race-safe), counts the rest. */
    @Post
    Visit visit(@Body UserForm form) {
        CreateResult<User> user = db.getOrCreate(User.class, Map.of("email", form.email()), Map.of("name", form.name()));
        if (!user.created()) {
            db.update("update users set visits = visits + 1 where id = ?", user.value().id());
        }
        return new Visit(db.getByPk(User.class, user.value().id()).orElseThrow(), user.created());
    }

    @Get("/{id}")
    User get(@PathVariable long id) {
        return db.getByPk(User.class, id).orElseThrow(() -> new NotFoundException("no user " + id));
    }

    /** Offset pagination: {@code GET /users?page=0&size=20}. */
    @Get
    Page<User> list(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size) {
        return db.findPage(User.class, Query.all().orderBy("email"), page, size);
    }

    @Serdeable
    record UserForm(String email, String name) {
    }

    @Serdeable
    record Visit(User user, boolean created) {
    }
}
