package dev.binds.testing;

import dev.binds.Bind;
import dev.binds.BindSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain extension's options and parameters, on H2. */
class BindExtensionH2Test {

    @RegisterExtension
    static BindExtension db = BindExtension.h2().withName("orders").withMigrations("classpath:db/orders")
            .withClassScript("classpath:fixtures/class.sql").withScript("classpath:fixtures/orders.sql")
            .withPool(Map.of("maximum-pool-size", 3));

    private static String outerDatabase;

    @BeforeAll
    static void rememberDatabase(@BindName("orders") TestDatabase database) {
        outerDatabase = database.name();
    }

    @Test
    void resolvesBindSessionAndDatabase(Bind bind, BindSession session, TestDatabase database) {
        assertThat(bind).isSameAs(db.bind());
        assertThat(bind.name()).isEqualTo("orders");
        assertThat(session).isSameAs(db.session());
        assertThat(database.url()).startsWith("jdbc:h2:mem:bindtest_");
        assertThat(database.kind()).isEqualTo(DatabaseKind.H2);
        assertThat(bind.config().pool().toString()).contains("3");
    }

    @Test
    void classScriptRanOnceAndTestScriptsCommitWithoutRollback(BindSession session) {
        // per-test fixture committed (no rollback): it ran before this test, and maybe before another
        assertThat(session.query("select ref from orders")).extracting(r -> r.getString("ref")).containsExactly("FIX;1");
        assertThat(session.query("select code from currencies order by code"))
                .extracting(r -> r.getString("code")).containsExactly("CHF", "EUR", "USD");
    }

    @Test
    void configuringAStartedExtensionIsRefused() {
        assertThatThrownBy(() -> db.withName("other")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has started");
    }

    /** The per-test fixture is committed (no rollback here): remove it, or the next test's insert would clash. */
    @AfterEach
    void deleteFixture(@BindName("orders") BindSession session) {
        session.update("delete from orders");
        session.commit();
    }

    /** Registered on an instance field: a database per test, as jdbi's extension does. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class DatabasePerTest {

        static final List<String> NAMES = new ArrayList<>();

        @RegisterExtension
        BindExtension perTest = BindExtension.h2().withName("scratch").withoutMigrations();

        @Test
        @Order(1)
        void first(@BindName("scratch") BindSession s, @BindName("scratch") TestDatabase database) {
            NAMES.add(database.name());
            s.update("create table t (id int)");
            s.update("insert into t values (1)");
            s.commit();
        }

        @Test
        @Order(3)
        void nestedClassSharesTheOuterClassDatabase(@BindName("orders") TestDatabase outer) {
            assertThat(outer.name()).isEqualTo(outerDatabase);
        }

        @Test
        @Order(2)
        void secondGetsAnotherEmptyDatabase(@BindName("scratch") BindSession s, @BindName("scratch") TestDatabase database) {
            assertThat(NAMES).doesNotContain(database.name());
            assertThat(s.query("select count(*) as n from information_schema.tables where table_name = 'T'")
                    .get(0).getLong("n")).isZero();
        }
    }
}
