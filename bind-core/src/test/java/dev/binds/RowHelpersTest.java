package dev.binds;

import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowHelpersTest {

    @EachDatabase
    void getOneFindsExactlyOneRow(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            bind.useTransaction(s -> {
                s.update("insert into items(code, name, qty) values ('a', 'same', 1), ('b', 'same', 2)");
                assertThat(s.getOne("items", Map.of("code", "a")).getInt("qty")).isEqualTo(1);
                assertThat(s.getOne("ITEMS", Map.of("CODE", "b")).getString("name")).isEqualTo("same");
                assertThatThrownBy(() -> s.getOne("items", Map.of("code", "zz")))
                        .isInstanceOf(NoResultException.class).hasMessageContaining("'items'").hasMessageContaining("[code]");
                assertThatThrownBy(() -> s.getOne("items", Map.of("name", "same")))
                        .isInstanceOf(NonUniqueResultException.class).hasMessageContaining("more than one row");
                // same columns, a null value: a different statement (IS NULL), not the one built above
                s.update("insert into items(code, name, qty) values ('n', null, 3)");
                java.util.Map<String, Object> nullName = new java.util.HashMap<>();
                nullName.put("name", null);
                assertThat(s.getOne("items", nullName).getString("code")).isEqualTo("n");
                assertThat(s.getOne("items", Map.of("name", "same", "qty", 2)).getString("code")).isEqualTo("b");
            });
        }
    }

    @EachDatabase
    void getByPkWithSingleAndCompositeKeys(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            bind.useTransaction(s -> {
                s.update("create table stock (shop varchar(10) not null, sku varchar(10) not null, qty int, primary key (shop, sku))");
                s.update("create table nokey (x int)");
            });
            bind.useTransaction(s -> {
                Row a = s.getOrCreate("items", Map.of("code", "a"), Map.of("name", "A")).value();
                assertThat(s.getByPk("items", a.get("id"))).contains(a);
                assertThat(s.getByPk("items", -1L)).isEmpty();
                s.update("insert into stock(shop, sku, qty) values ('s1', 'k1', 5)");
                assertThat(s.getByPk("stock", Map.of("shop", "s1", "sku", "k1")).orElseThrow().getInt("qty")).isEqualTo(5);
                assertThatThrownBy(() -> s.getByPk("stock", "s1")).isInstanceOf(UnknownIdentifierException.class)
                        .hasMessageContaining("pass the id as a Map");
                assertThatThrownBy(() -> s.getByPk("nokey", 1)).isInstanceOf(UnknownIdentifierException.class)
                        .hasMessageContaining("has no primary key");
            });
        }
    }

    @EachDatabase
    void getOrCreateCreatesOnceThenFinds(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            CreateResult<Row> first = bind.inTransaction(s -> s.getOrCreate("items", Map.of("code", "k"), Map.of("name", "first", "qty", 3)));
            CreateResult<Row> second = bind.inTransaction(s -> s.getOrCreate("items", Map.of("code", "k"), Map.of("name", "second")));
            assertThat(first.created()).isTrue();
            assertThat(first.value().getString("name")).isEqualTo("first");
            assertThat(first.value().getLong("id")).isNotNull();
            assertThat(second.created()).isFalse();
            assertThat(second.value()).isEqualTo(first.value());
            assertThat(BindSessionTest.codes(bind)).containsExactly("k");
        }
    }

    @EachDatabase
    void updateOrCreateInsertsThenUpdates(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            CreateResult<Row> created = bind.inTransaction(s -> s.updateOrCreate("items", Map.of("code", "u"),
                    Map.of("qty", 1), Map.of("name", "made")));
            assertThat(created.created()).isTrue();
            assertThat(created.value().getInt("qty")).isEqualTo(1);
            assertThat(created.value().getString("name")).isEqualTo("made");
            CreateResult<Row> updated = bind.inTransaction(s -> s.updateOrCreate("items", Map.of("code", "u"),
                    Map.of("qty", 9), Map.of("name", "ignored")));
            assertThat(updated.created()).isFalse();
            assertThat(updated.value().getInt("qty")).isEqualTo(9);
            assertThat(updated.value().getString("name")).isEqualTo("made");
            CreateResult<Row> unchanged = bind.inTransaction(s -> s.updateOrCreate("items", Map.of("code", "u"),
                    Map.of("qty", 9), Map.of()));
            assertThat(unchanged.created()).isFalse();
            CreateResult<Row> noDefaults = bind.inTransaction(s -> s.updateOrCreate("items", Map.of("code", "v"), Map.of(), Map.of()));
            assertThat(noDefaults.created()).isTrue();
            assertThat(bind.inTransaction(s -> s.updateOrCreate("items", Map.of("code", "v"), Map.of(), Map.of())).created()).isFalse();
            assertThat(BindSessionTest.codes(bind)).containsExactly("u", "v");
        }
    }

    @EachDatabase
    void namesAreCheckedAgainstMetadataAndQuoted(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            String q = bind.dialect().quote("order");
            bind.useTransaction(s -> s.update("create table " + q + " (" + bind.dialect().quote("select")
                    + " varchar(10) primary key, " + bind.dialect().quote("from") + " int)"));
            bind.useTransaction(s -> {
                assertThatThrownBy(() -> s.getOne("nope", Map.of("code", "a"))).isInstanceOf(UnknownIdentifierException.class)
                        .hasMessageContaining("table 'nope' does not exist");
                assertThatThrownBy(() -> s.getOne("items", Map.of("code = code or 1", 1)))
                        .isInstanceOf(UnknownIdentifierException.class).hasMessageContaining("has no column 'code = code or 1'");
                assertThatThrownBy(() -> s.getOrCreate("items; drop table items", Map.of("code", "a"), Map.of()))
                        .isInstanceOf(UnknownIdentifierException.class);
                // reserved words as names work because they are quoted
                CreateResult<Row> r = s.getOrCreate("order", Map.of("select", "s1"), Map.of("from", 4));
                assertThat(r.created()).isTrue();
                assertThat(r.value().getInt("from")).isEqualTo(4);
                assertThat(s.getByPk("order", "s1")).isPresent();
            });
            java.util.List<Row> items = bind.withSession(s -> s.query("select * from items"));
            assertThat(items).isEmpty();
        }
    }

    @EachDatabase
    void overlappingColumnsAreRefused(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            assertThatThrownBy(() -> bind.useTransaction(s -> s.getOrCreate("items", Map.of("code", "a"), Map.of("CODE", "b"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
            assertThatThrownBy(() -> bind.useTransaction(s -> s.getOrCreate("items", Map.of(), Map.of("name", "b"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one column");
        }
    }

    @EachDatabase
    void conflictOnAnotherUniqueKeyIsReportedNotHidden(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            bind.useTransaction(s -> s.update("create table people (id int primary key, email varchar(50) unique, nick varchar(50) unique)"));
            bind.useTransaction(s -> s.update("insert into people values (1, 'a@x', 'ann')"));
            assertThatThrownBy(() -> bind.useTransaction(s -> s.getOrCreate("people", Map.of("email", "b@x"), Map.of("id", 2, "nick", "ann"))))
                    .isInstanceOf(UniqueViolationException.class).hasMessageContaining("people");
            java.util.List<Row> people = bind.withSession(s -> s.query("select * from people"));
            assertThat(people).hasSize(1);
        }
    }
}
