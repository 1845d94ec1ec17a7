package dev.binds.micronaut.e2e;

import dev.binds.BindSession;
import dev.binds.CreateResult;
import dev.binds.CursorPage;
import dev.binds.Page;
import dev.binds.Query;
import dev.binds.micronaut.data.Gadget;
import dev.binds.micronaut.data.Status;
import dev.binds.micronaut.data.SupportTicket;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.Map;

/**
 * Entity operations through the request-scoped sessions: tickets on bind {@code secondary}
 * (PostgreSQL), gadgets on bind {@code default} (MariaDB).
 */
@Controller("/e2e/entities")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "spec.name", value = "e2e-entities")
class TicketController {

    private final BindSession tickets;
    private final BindSession gadgets;

    TicketController(@Named("secondary") BindSession tickets, BindSession gadgets) {
        this.tickets = tickets;
        this.gadgets = gadgets;
    }

    @Post("/tickets/{code}")
    CreateResult<SupportTicket> create(String code, @QueryValue(defaultValue = "1") int quantity) {
        return tickets.getOrCreate(SupportTicket.class, Map.of("code", code),
                Map.of("itemName", "item " + code, "quantity", quantity, "status", Status.OPEN, "createdAt", Instant.now()));
    }

    /** Creates, then fails: the request's session rolls the row back. */
    @Post("/tickets/{code}/fail")
    SupportTicket createThenFail(String code) {
        tickets.getOrCreate(SupportTicket.class, Map.of("code", code), Map.of());
        throw new IllegalStateException("failed after creating " + code);
    }

    @Get("/tickets/{id}")
    SupportTicket get(long id) {
        return tickets.getByPk(SupportTicket.class, id).orElse(null);
    }

    @Get("/tickets")
    Page<SupportTicket> page(Status status, int page, int size) {
        return tickets.findPage(SupportTicket.class, Query.where(Map.of("status", status)).orderBy("code"), page, size);
    }

    @Get("/tickets/after/{code}")
    CursorPage<SupportTicket> after(String code, int limit) {
        SupportTicket from = tickets.getOne(SupportTicket.class, Map.of("code", code));
        return tickets.findCursor(SupportTicket.class, Query.all().orderBy("code").limit(limit)
                .after(Map.of("code", from.getCode(), "id", from.getId())));
    }

    @Post("/gadgets/{code}")
    Gadget gadget(String code, @QueryValue int quantity) {
        return gadgets.updateOrCreate(Gadget.class, Map.of("code", code), Map.of("quantity", quantity), Map.of()).value();
    }
}
