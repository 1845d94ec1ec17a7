package dev.binds.example;

import dev.binds.BindSession;
import dev.binds.CreateResult;
import dev.binds.CursorPage;
import dev.binds.Query;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;

/**
 * Orders on the {@code secondary} bind: {@code @Named("secondary") BindSession} is this request's unit
 * of work on that bind, and {@link OrderNoteRepository} writes in the same transaction.
 */
@Controller("/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrderController {

    private final BindSession db;
    private final OrderNoteRepository notes;

    OrderController(@Named("secondary") BindSession db, OrderNoteRepository notes) {
        this.db = db;
        this.notes = notes;
    }

    /** getOrCreate: the first call with a ref creates the order, later ones find it. */
    @Post
    CreateResult<Order> create(@Body OrderForm form) {
        return db.getOrCreate(Order.class, Map.of("ref", form.ref()), Map.of("total", form.total()));
    }

    /** updateOrCreate: sets the status, creating the order if there is none. */
    @Put("/{ref}/status")
    CreateResult<Order> setStatus(@PathVariable String ref, @Body StatusForm form) {
        return db.updateOrCreate(Order.class, Map.of("ref", ref), Map.of("status", form.status()), Map.of("total", 0));
    }

    /** Cursor pagination: {@code GET /orders?limit=2}, then {@code &after=<lastRef>}. */
    @Get
    CursorPage<Order> list(@QueryValue(defaultValue = "10") int limit, @Nullable @QueryValue String after) {
        Query query = Query.all().orderBy("ref").limit(limit);
        if (after != null) {
            Order last = db.getOne(Order.class, Map.of("ref", after));
            query = query.after(Map.of("ref", last.ref(), "id", last.id()));
        }
        return db.findCursor(Order.class, query);
    }

    /** A repository write and a session write, one transaction: both stored, or neither. */
    @Post("/{ref}/notes")
    OrderNote addNote(@PathVariable String ref, @Body NoteForm form) {
        Order order = db.getOne(Order.class, Map.of("ref", ref));
        db.update("update orders set status = ? where id = ?", "NOTED", order.id());
        return notes.save(new OrderNote(null, ref, form.note()));
    }

    @Get("/{ref}/notes")
    List<OrderNote> notes(@PathVariable String ref) {
        return notes.findByOrderRef(ref);
    }

    /** Fails half-way: the order and its note are written, then an exception rolls both back. */
    @Post("/fail")
    Order failHalfWay(@Body OrderForm form) {
        db.getOrCreate(Order.class, Map.of("ref", form.ref()), Map.of("total", form.total()));
        notes.save(new OrderNote(null, form.ref(), "never stored"));
        throw new IllegalStateException("failed half-way on purpose: nothing of order " + form.ref() + " is stored");
    }

    @Serdeable
    record OrderForm(String ref, int total) {
    }

    @Serdeable
    record StatusForm(String status) {
    }

    @Serdeable
    record NoteForm(String note) {
    }
}
