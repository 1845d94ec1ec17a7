package dev.binds;

import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;

import java.io.IOException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BindSessionTest {

    @EachDatabase
    void connectionIsTakenOnFirstUseAndReleasedOnClose(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            BindSession session = bind.openSession();
            assertThat(session.hasConnection()).isFalse();
            assertThat(bind.poolState().active()).isZero();
            session.query("select * from items");
            assertThat(session.hasConnection()).isTrue();
            assertThat(bind.poolState().active()).isEqualTo(1);
            assertThat(bind.openSessions()).isEqualTo(1);
            session.close();
            assertThat(bind.poolState().active()).isZero();
            assertThat(bind.openSessions()).isZero();
            session.close(); // idempotent
            assertThatThrownBy(() -> session.query("select 1")).isInstanceOf(BindClosedException.class)
                    .hasMessageContaining("session is closed");
        }
    }

    @EachDatabase
    void commitKeepsRowsAndCloseWithoutCommitRollsBack(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            try (BindSession s = bind.openSession()) {
                s.update("insert into items(code, name) values (?, ?)", "kept", "Kept");
                s.commit();
                s.update("insert into items(code, name) values (?, ?)", "lost", "Lost");
            }
            assertThat(codes(bind)).containsExactly("kept");
        }
    }

    @EachDatabase
    void callbackThatThrowsLeavesNoRow(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            assertThatThrownBy(() -> bind.useTransaction(s -> {
                s.update("insert into items(code) values (?)", "a");
                throw new IOException("disk on fire");
            })).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> bind.useSession(s -> {
                s.update("insert into items(code) values (?)", "b");
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(codes(bind)).isEmpty();
            assertThat(bind.poolState().active()).isZero();
            String name = bind.inTransaction(s -> {
                s.update("insert into items(code, name) values (?, ?)", "c", "Cee");
                return s.getOne("items", Map.of("code", "c")).getString("name");
            });
            assertThat(name).isEqualTo("Cee");
            assertThat(codes(bind)).containsExactly("c");
        }
    }

    @EachDatabase
    void nestedTransactionsAreSavepoints(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            bind.useTransaction(s -> {
                s.update("insert into items(code) values (?)", "outer");
                assertThatThrownBy(() -> s.useTransaction(inner -> {
                    inner.update("insert into items(code) values (?)", "inner-failed");
                    throw new IllegalArgumentException("inner");
                })).isInstanceOf(IllegalArgumentException.class);
                s.useTransaction(inner -> inner.update("insert into items(code) values (?)", "inner-ok"));
                Savepoint sp = s.savepoint();
                s.update("insert into items(code) values (?)", "manual");
                s.rollbackTo(sp);
            });
            assertThat(codes(bind)).containsExactly("inner-ok", "outer");
        }
    }

    @EachDatabase
    void readOnlySessionIsEnforcedByTheDatabase(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            try (BindSession s = bind.openSession(bind.config().session().asReadOnly())) {
                assertThat(s.query("select * from items")).isEmpty();
                if (bind.dialect().enforcesReadOnly()) {
                    assertThatThrownBy(() -> s.update("insert into items(code) values (?)", "x"))
                            .isInstanceOf(StatementFailedException.class).hasMessageContaining("Bind 'main'");
                } else {
                    // H2 has no read-only transactions: the write is never committed
                    s.update("insert into items(code) values (?)", "x");
                    s.commit();
                }
            }
            // the pool resets the connection: the next session may write
            bind.useTransaction(s -> s.update("insert into items(code) values (?)", "y"));
            assertThat(codes(bind)).containsExactly("y");
        }
    }

    @EachDatabase
    void readOnlyBindRefusesWrites(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind writer = TestBinds.bind(db)) {
            TestBinds.createItems(writer);
            BindConfig ro = TestBinds.config(db, "reports").session(SessionSettings.DEFAULTS.asReadOnly()).build();
            try (Bind reports = Bind.create(ro)) {
                if (reports.dialect().enforcesReadOnly()) {
                    assertThatThrownBy(() -> reports.useTransaction(s -> s.update("insert into items(code) values ('z')")))
                            .isInstanceOf(StatementFailedException.class).hasMessageContaining("Bind 'reports'");
                } else {
                    reports.useTransaction(s -> s.update("insert into items(code) values ('z')"));
                }
                assertThat(codes(reports)).isEmpty();
            }
        }
    }

    @EachDatabase
    void batchQueryOneAndErrors(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase(); Bind bind = TestBinds.bind(db)) {
            TestBinds.createItems(bind);
            bind.useTransaction(s -> {
                int[] counts = s.batch("insert into items(code, qty) values (?, ?)",
                        List.of(new Object[] {"a", 1}, new Object[] {"b", 2}, new Object[] {"c", 3}));
                assertThat(counts).hasSize(3);
                assertThat(s.queryOne("select sum(qty) as total from items").orElseThrow().getLong("total")).isEqualTo(6);
                assertThat(s.queryOne("select code from items where qty > ?", 5)).isEmpty();
                assertThatThrownBy(() -> s.queryOne("select code from items where qty > ?", 1))
                        .isInstanceOf(NonUniqueResultException.class);
                assertThat(s.query("select code from items where qty >= ? order by code", rs -> rs.getString(1), 2))
                        .containsExactly("b", "c");
            });
            assertThatThrownBy(() -> bind.useTransaction(s -> s.update("insert into items(code) values (?)", "a")))
                    .isInstanceOf(UniqueViolationException.class).hasMessageContaining("Bind 'main'");
            assertThatThrownBy(() -> bind.useTransaction(s -> s.query("select * from no_such_table")))
                    .isInstanceOf(StatementFailedException.class).hasMessageContaining("no_such_table");
            // parameters are bound, never spliced: this string is data
            bind.useTransaction(s -> s.update("insert into items(code) values (?)", "x'); drop table items; --"));
            assertThat(codes(bind)).hasSize(4);
        }
    }

    @EachDatabase
    void lazyBindStartsItsPoolOnFirstUse(DatabaseKind kind) {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind bind = Bind.create(TestBinds.config(db, "lazy").lazy(true).build())) {
            assertThat(bind.isStarted()).isFalse();
            BindSession s = bind.openSession();
            assertThat(bind.isStarted()).isFalse();
            s.query("select 1 as one");
            assertThat(bind.isStarted()).isTrue();
            s.close();
        }
    }

    static List<String> codes(Bind bind) {
        return bind.withSession(s -> s.query("select code from items order by code", rs -> rs.getString(1)));
    }
}
