package dev.binds;

import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindTest {

    /** 25 items: qty cycles 0..4 so ordering by qty has ties that the primary key breaks. */
    private static Bind seeded(IsolatedDatabase db) {
        Bind bind = TestBinds.bind(db);
        TestBinds.createItems(bind);
        bind.useTransaction(s -> {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 1; i <= 25; i++) {
                rows.add(new Object[] {String.format("c%02d", i), i % 2 == 0 ? "even" : "odd", i % 5});
            }
            s.batch("insert into items(code, name, qty) values (?, ?, ?)", rows);
        });
        return bind;
    }

    @EachDatabase
    void filtersOrderAndLimit(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = seeded(db)) {
            bind.useSession(s -> {
                List<Row> even = s.find("items", Query.where(Map.of("name", "even")).orderBy("code", Query.Direction.DESC).limit(3));
                assertThat(even).extracting(r -> r.getString("code")).containsExactly("c24", "c22", "c20");
                assertThat(s.find("items", Query.all())).hasSize(25);
                assertThat(s.find("items", Query.where(Map.of("name", "odd")).and("qty", 0))).extracting(r -> r.getString("code"))
                        .containsExactlyInAnyOrder("c05", "c15", "c25");
                assertThatThrownBy(() -> s.find("items", Query.all().orderBy("code; drop table items")))
                        .isInstanceOf(UnknownIdentifierException.class);
            });
        }
    }

    @EachDatabase
    void offsetPagesWithTotal(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = seeded(db)) {
            bind.useSession(s -> {
                Page<Row> p0 = s.findPage("items", Query.where(Map.of("name", "odd")).orderBy("code"), 0, 5);
                Page<Row> p2 = s.findPage("items", Query.where(Map.of("name", "odd")).orderBy("code"), 2, 5);
                assertThat(p0.total()).isEqualTo(13);
                assertThat(p0.totalPages()).isEqualTo(3);
                assertThat(p0.items()).extracting(r -> r.getString("code")).containsExactly("c01", "c03", "c05", "c07", "c09");
                assertThat(p0.hasNext()).isTrue();
                assertThat(p2.items()).extracting(r -> r.getString("code")).containsExactly("c21", "c23", "c25");
                assertThat(p2.hasNext()).isFalse();
            });
        }
    }

    @EachDatabase
    void cursorPagesWalkForwardAndBackWithTiesAndMixedDirections(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = seeded(db)) {
            bind.useSession(s -> {
                Query q = Query.all().orderBy("qty", Query.Direction.DESC).limit(4);
                List<String> all = s.find("items", Query.all().orderBy("qty", Query.Direction.DESC).orderBy("id"))
                        .stream().map(r -> r.getString("code")).toList();
                List<String> walked = new ArrayList<>();
                List<CursorPage<Row>> pages = new ArrayList<>();
                CursorPage<Row> page = s.findCursor("items", q);
                while (true) {
                    pages.add(page);
                    page.items().forEach(r -> walked.add(r.getString("code")));
                    if (!page.hasMore()) {
                        break;
                    }
                    page = s.findCursor("items", q.after(page.lastKey()));
                }
                assertThat(walked).isEqualTo(all);
                assertThat(pages).hasSize(7);
                // back from the third page gives the second page again
                CursorPage<Row> third = pages.get(2);
                CursorPage<Row> back = s.findCursor("items", q.before(third.firstKey()));
                assertThat(back.items()).isEqualTo(pages.get(1).items());
                assertThat(back.hasMore()).isTrue();
                assertThat(s.findCursor("items", q.before(pages.get(0).firstKey())).items()).isEmpty();
                assertThatThrownBy(() -> s.findCursor("items", Query.all())).hasMessageContaining("needs a limit");
            });
        }
    }

    /** A hand-written entity model standing in for the Micronaut Data one. */
    record Item(long id, String code, String label, int quantity) {
    }

    static final EntityModel ITEMS = new EntityModel() {
        @SuppressWarnings("unchecked")
        @Override
        public <E> EntityMapping<E> mapping(Class<E> type) {
            if (type != Item.class) {
                return EntityModel.NONE.mapping(type);
            }
            return (EntityMapping<E>) new EntityMapping<Item>() {
                public String table() {
                    return "items";
                }

                public String column(String property) {
                    return switch (property) {
                        case "id", "code" -> property;
                        case "label" -> "name";
                        case "quantity" -> "qty";
                        default -> throw new UnknownIdentifierException("main", "Item has no property " + property);
                    };
                }

                public Item fromRow(Row row) {
                    return new Item(row.getLong("id"), row.getString("code"), row.getString("name"), row.getInt("qty"));
                }
            };
        }
    };

    @EachDatabase
    void entityOperationsMapPropertiesToColumns(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind bind = Bind.create(TestBinds.config(db, "main").build(), BindListener.NONE, ITEMS)) {
            TestBinds.createItems(bind);
            bind.useTransaction(s -> {
                CreateResult<Item> made = s.getOrCreate(Item.class, Map.of("code", "e1"), Map.of("label", "one", "quantity", 2));
                assertThat(made.created()).isTrue();
                assertThat(made.value().label()).isEqualTo("one");
                assertThat(s.getOrCreate(Item.class, Map.of("code", "e1"), Map.of()).created()).isFalse();
                CreateResult<Item> upd = s.updateOrCreate(Item.class, Map.of("code", "e1"), Map.of("quantity", 7), Map.of());
                assertThat(upd.value().quantity()).isEqualTo(7);
                assertThat(s.getByPk(Item.class, made.value().id())).contains(upd.value());
                assertThat(s.getOne(Item.class, Map.of("label", "one")).code()).isEqualTo("e1");
                s.getOrCreate(Item.class, Map.of("code", "e2"), Map.of("label", "two", "quantity", 1));
                assertThat(s.find(Item.class, Query.all().orderBy("quantity"))).extracting(Item::code).containsExactly("e2", "e1");
                assertThat(s.findPage(Item.class, Query.all().orderBy("code"), 1, 1).items()).extracting(Item::code).containsExactly("e2");
                CursorPage<Item> first = s.findCursor(Item.class, Query.all().orderBy("label").limit(1));
                assertThat(first.items()).extracting(Item::code).containsExactly("e1");
                assertThat(s.findCursor(Item.class, Query.all().orderBy("label").limit(1).after(first.lastKey())).items())
                        .extracting(Item::code).containsExactly("e2");
                assertThatThrownBy(() -> s.getOne(Item.class, Map.of("nope", 1))).hasMessageContaining("no property nope");
            });
            try (Bind plain = TestBinds.bind(db)) {
                assertThatThrownBy(() -> plain.useSession(s -> s.getOne(Item.class, Map.of("code", "e1"))))
                        .isInstanceOf(UnknownIdentifierException.class).hasMessageContaining("No entity model knows");
            }
        }
    }
}
