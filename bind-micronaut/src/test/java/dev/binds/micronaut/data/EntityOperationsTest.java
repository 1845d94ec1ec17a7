package dev.binds.micronaut.data;

import dev.binds.CreateResult;
import dev.binds.CursorPage;
import dev.binds.NoResultException;
import dev.binds.Page;
import dev.binds.Query;
import dev.binds.Row;
import dev.binds.UnknownIdentifierException;
import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entity operations of {@code BindSession} on H2, PostgreSQL and MariaDB, for a mutable entity
 * ({@link SupportTicket}) and a record ({@link Gadget}), mapped by Micronaut Data through the
 * application's {@code BindManager}: naming strategy ({@code itemName} → {@code item_name}), a
 * generated {@code Long} id, {@code Instant} / {@code LocalDateTime} columns, an enum stored by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityOperationsTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123Z");

    private final Map<DatabaseKind, EntityEnvironment> environments = new EnumMap<>(DatabaseKind.class);

    private EntityEnvironment on(DatabaseKind kind) {
        return environments.computeIfAbsent(kind, k -> new EntityEnvironment(k.createDatabase())).clear();
    }

    @AfterAll
    void close() {
        environments.values().forEach(EntityEnvironment::close);
    }

    @EachDatabase
    void getOrCreateUpdateOrCreateGetOneAndGetByPkOnAMutableEntity(DatabaseKind kind) {
        EntityEnvironment env = on(kind);
        env.bind.useTransaction(s -> {
            CreateResult<SupportTicket> made = s.getOrCreate(SupportTicket.class, Map.of("code", "t-1"),
                    Map.of("itemName", "Lamp", "quantity", 2, "status", Status.OPEN, "createdAt", T0));
            assertThat(made.created()).isTrue();
            SupportTicket lamp = made.value();
            assertThat(lamp.getId()).isPositive();
            assertThat(lamp.getItemName()).isEqualTo("Lamp");
            assertThat(lamp.getQuantity()).isEqualTo(2);
            assertThat(lamp.getStatus()).isEqualTo(Status.OPEN);
            assertThat(lamp.getCreatedAt()).isEqualTo(T0);

            CreateResult<SupportTicket> again = s.getOrCreate(SupportTicket.class, Map.of("code", "t-1"),
                    Map.of("itemName", "Other"));
            assertThat(again.created()).isFalse();
            assertThat(again.value().getId()).isEqualTo(lamp.getId());
            assertThat(again.value().getItemName()).isEqualTo("Lamp");

            // the columns Micronaut Data's naming strategy gives, the enum by name
            Row raw = s.queryOne("select item_name, status from support_ticket where code = ?", "t-1").orElseThrow();
            assertThat(raw.getString("item_name")).isEqualTo("Lamp");
            assertThat(raw.getString("status")).isEqualTo("OPEN");

            CreateResult<SupportTicket> updated = s.updateOrCreate(SupportTicket.class, Map.of("code", "t-1"),
                    Map.of("quantity", 5, "status", Status.CLOSED), Map.of("itemName", "ignored when found"));
            assertThat(updated.created()).isFalse();
            assertThat(updated.value().getId()).isEqualTo(lamp.getId());
            assertThat(updated.value().getQuantity()).isEqualTo(5);
            assertThat(updated.value().getStatus()).isEqualTo(Status.CLOSED);
            assertThat(updated.value().getItemName()).isEqualTo("Lamp");

            CreateResult<SupportTicket> inserted = s.updateOrCreate(SupportTicket.class, Map.of("code", "t-2"),
                    Map.of("quantity", 1), Map.of("itemName", "Desk"));
            assertThat(inserted.created()).isTrue();
            assertThat(inserted.value().getItemName()).isEqualTo("Desk");
            assertThat(inserted.value().getStatus()).isEqualTo(Status.OPEN); // the column's default
            assertThat(inserted.value().getCreatedAt()).isNotNull();

            SupportTicket byPk = s.getByPk(SupportTicket.class, lamp.getId()).orElseThrow();
            assertThat(byPk.getCode()).isEqualTo("t-1");
            assertThat(byPk.getQuantity()).isEqualTo(5);
            assertThat(byPk.getCreatedAt()).isEqualTo(T0);
            assertThat(s.getByPk(SupportTicket.class, -1L)).isEmpty();

            assertThat(s.getOne(SupportTicket.class, Map.of("itemName", "Desk")).getCode()).isEqualTo("t-2");
            assertThat(s.getOne(SupportTicket.class, Map.of("status", Status.CLOSED, "createdAt", T0)).getCode())
                    .isEqualTo("t-1");
            assertThatThrownBy(() -> s.getOne(SupportTicket.class, Map.of("itemName", "none")))
                    .isInstanceOf(NoResultException.class);
        });
    }

    @EachDatabase
    void theSameOnARecord(DatabaseKind kind) {
        EntityEnvironment env = on(kind);
        LocalDateTime noon = LocalDateTime.of(2024, 5, 6, 12, 0, 1, 250_000_000);
        env.bind.useTransaction(s -> {
            CreateResult<Gadget> made = s.getOrCreate(Gadget.class, Map.of("code", "g-1"),
                    Map.of("itemName", "Widget", "quantity", 3, "status", Status.OPEN, "updatedAt", noon));
            assertThat(made.created()).isTrue();
            Gadget widget = made.value();
            assertThat(widget.id()).isPositive();
            assertThat(widget).isEqualTo(new Gadget(widget.id(), "g-1", "Widget", 3, Status.OPEN, noon));
            assertThat(s.getOrCreate(Gadget.class, Map.of("code", "g-1"), Map.of()).value()).isEqualTo(widget);

            // nullable constructor arguments stay null
            Gadget bare = s.getOrCreate(Gadget.class, Map.of("code", "g-2"), Map.of()).value();
            assertThat(bare).isEqualTo(new Gadget(bare.id(), "g-2", null, 0, null, null));

            CreateResult<Gadget> updated = s.updateOrCreate(Gadget.class, Map.of("code", "g-1"),
                    Map.of("quantity", 4, "status", Status.CLOSED), Map.of());
            assertThat(updated.created()).isFalse();
            assertThat(updated.value()).isEqualTo(new Gadget(widget.id(), "g-1", "Widget", 4, Status.CLOSED, noon));
            assertThat(s.updateOrCreate(Gadget.class, Map.of("code", "g-3"), Map.of("quantity", 9),
                    Map.of("updatedAt", noon)).created()).isTrue();

            assertThat(s.getByPk(Gadget.class, widget.id())).contains(updated.value());
            assertThat(s.getOne(Gadget.class, Map.of("updatedAt", noon, "quantity", 9)).code()).isEqualTo("g-3");
            assertThat(s.getOne(Gadget.class, Map.of("status", Status.CLOSED))).isEqualTo(updated.value());
        });
    }

    @EachDatabase
    void findFiltersByPropertiesAndOrdersByThem(DatabaseKind kind) {
        EntityEnvironment env = on(kind);
        List<SupportTicket> all = seed(env);
        env.bind.useSession(s -> {
            List<SupportTicket> open = s.find(SupportTicket.class, Query.where(Map.of("status", Status.OPEN))
                    .orderBy("itemName", Query.Direction.DESC).orderBy("code").limit(3));
            assertThat(open).extracting(SupportTicket::getCode).containsExactly("f-06", "f-12", "f-02");
            assertThat(s.find(SupportTicket.class, Query.where(Map.of("itemName", "A")).and("status", Status.CLOSED)))
                    .extracting(SupportTicket::getCode).containsExactlyInAnyOrder("f-01", "f-07");
            assertThat(s.find(SupportTicket.class, Query.where(Map.of("createdAt", all.get(4).getCreatedAt()))))
                    .extracting(SupportTicket::getId).containsExactly(all.get(4).getId());
            assertThat(s.find(SupportTicket.class, Query.all().orderBy("createdAt", Query.Direction.DESC)))
                    .extracting(SupportTicket::getCode).first().isEqualTo("f-12");
            assertThat(s.find(SupportTicket.class, Query.all())).hasSize(12);
            assertThatThrownBy(() -> s.find(SupportTicket.class, Query.all().orderBy("item_name")))
                    .isInstanceOf(UnknownIdentifierException.class)
                    .hasMessageContaining(SupportTicket.class.getName())
                    .hasMessageContaining("no property 'item_name'")
                    .hasMessageContaining("[id, code, itemName, quantity, status, createdAt]");
        });
    }

    @EachDatabase
    void offsetPagesWithTheirTotal(DatabaseKind kind) {
        EntityEnvironment env = on(kind);
        seed(env);
        env.bind.useSession(s -> {
            Query closed = Query.where(Map.of("status", Status.CLOSED)).orderBy("createdAt");
            Page<SupportTicket> first = s.findPage(SupportTicket.class, closed, 0, 4);
            Page<SupportTicket> second = s.findPage(SupportTicket.class, closed, 1, 4);
            assertThat(first.total()).isEqualTo(6);
            assertThat(first.totalPages()).isEqualTo(2);
            assertThat(first.hasNext()).isTrue();
            assertThat(first.items()).extracting(SupportTicket::getCode).containsExactly("f-01", "f-03", "f-05", "f-07");
            assertThat(second.items()).extracting(SupportTicket::getCode).containsExactly("f-09", "f-11");
            assertThat(second.hasNext()).isFalse();
            // ties on itemName are broken by the primary key, so pages never overlap
            List<String> walked = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                s.findPage(SupportTicket.class, Query.all().orderBy("itemName"), p, 5).items()
                        .forEach(t -> walked.add(t.getCode()));
            }
            assertThat(walked).hasSize(12).doesNotHaveDuplicates();
        });
    }

    @EachDatabase
    void cursorPagesForwardAndBack(DatabaseKind kind) {
        EntityEnvironment env = on(kind);
        List<SupportTicket> all = seed(env);
        env.bind.useSession(s -> {
            Query newest = Query.all().orderBy("createdAt", Query.Direction.DESC).limit(5);
            List<CursorPage<SupportTicket>> pages = new ArrayList<>();
            CursorPage<SupportTicket> page = s.findCursor(SupportTicket.class, newest);
            pages.add(page);
            while (page.hasMore()) {
                page = s.findCursor(SupportTicket.class, newest.after(page.lastKey()));
                pages.add(page);
            }
            assertThat(pages).hasSize(3);
            assertThat(pages.stream().flatMap(p -> p.items().stream()).map(SupportTicket::getCode).toList())
                    .containsExactly("f-12", "f-11", "f-10", "f-09", "f-08", "f-07", "f-06", "f-05", "f-04", "f-03",
                            "f-02", "f-01");
            CursorPage<SupportTicket> back = s.findCursor(SupportTicket.class, newest.before(pages.get(2).firstKey()));
            assertThat(back.items()).extracting(SupportTicket::getCode)
                    .containsExactly("f-07", "f-06", "f-05", "f-04", "f-03");
            assertThat(back.hasMore()).isTrue();

            // a key given by property, with the property's own type (an Instant), not a page's column values
            SupportTicket f05 = all.get(4);
            Map<String, Object> key = new HashMap<>();
            key.put("createdAt", f05.getCreatedAt());
            key.put("id", f05.getId());
            assertThat(s.findCursor(SupportTicket.class, Query.where(Map.of("status", Status.CLOSED))
                    .orderBy("createdAt").limit(2).after(key)).items())
                    .extracting(SupportTicket::getCode).containsExactly("f-07", "f-09");
        });
    }

    @Test
    void errorsNameTheEntityAndTheProperty() {
        EntityEnvironment env = on(DatabaseKind.H2);
        env.bind.useSession(s -> {
            assertThatThrownBy(() -> s.getOrCreate(SupportTicket.class, Map.of("name", "x"), Map.of()))
                    .isInstanceOf(UnknownIdentifierException.class)
                    .hasMessageContaining("Entity " + SupportTicket.class.getName() + " (table 'support_ticket') has no property 'name'")
                    .hasMessageContaining("[id, code, itemName, quantity, status, createdAt]");
            assertThatThrownBy(() -> s.getByPk(String.class, 1))
                    .isInstanceOf(UnknownIdentifierException.class)
                    .hasMessageContaining("java.lang.String is not a Micronaut Data entity")
                    .hasMessageContaining("@MappedEntity");
            assertThatThrownBy(() -> s.find(NotAnEntity.class, Query.all()))
                    .isInstanceOf(UnknownIdentifierException.class)
                    .hasMessageContaining(NotAnEntity.class.getName() + " is not a Micronaut Data entity");
            assertThatThrownBy(() -> s.getOne(TicketNote.class, Map.of("text", "x")))
                    .isInstanceOf(UnknownIdentifierException.class)
                    .hasMessageContaining("Entity " + TicketNote.class.getName())
                    .hasMessageContaining("property 'ticket' is a relation (@Relation)")
                    .hasMessageContaining("[id, text, ticket]");
            s.getOrCreate(Gadget.class, Map.of("code", "g-1"), Map.of());
            assertThatThrownBy(() -> s.getOne(GadgetWithColour.class, Map.of("code", "g-1")))
                    .isInstanceOf(UnknownIdentifierException.class)
                    .hasMessageContaining("Entity " + GadgetWithColour.class.getName() + " (table 'gadget') maps {id=id, code=code, colour=colour}")
                    .hasMessageContaining("Row has no column 'colour'");
        });
    }

    /** Maps a column its table does not have. */
    @MappedEntity("gadget")
    record GadgetWithColour(@Id Long id, String code, String colour) {
    }

    @Introspected
    record NotAnEntity(String name) {
    }

    /**
     * Twelve tickets f-01..f-12, created a minute apart; odd ones CLOSED, even ones OPEN; itemName
     * cycles A, B, C.
     */
    private static List<SupportTicket> seed(EntityEnvironment env) {
        return env.bind.inTransaction(s -> {
            List<SupportTicket> made = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                made.add(s.getOrCreate(SupportTicket.class, Map.of("code", String.format("f-%02d", i)),
                        Map.of("itemName", String.valueOf((char) ('A' + (i - 1) % 3)), "quantity", i,
                                "status", i % 2 == 0 ? Status.OPEN : Status.CLOSED,
                                "createdAt", T0.plus(i, ChronoUnit.MINUTES))).value());
            }
            return made;
        });
    }
}
