package dev.binds.testing;

import dev.binds.Bind;
import dev.binds.BindSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rollback after each test on every bind, on all three kinds of database: every test starts with the
 * migrated table plus the per-test fixture, whatever the test before it wrote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollbackPerTestTest {

    @RegisterExtension
    static BindExtension pg = BindExtension.postgres().withName("pg").withMigrations("classpath:db/orders")
            .withScript("classpath:fixtures/orders.sql").withRollbackPerTest();
    @RegisterExtension
    static BindExtension maria = BindExtension.mariadb().withName("maria").withMigrations("classpath:db/orders")
            .withScript("classpath:fixtures/orders.sql").withRollbackPerTest();
    @RegisterExtension
    static BindExtension h2 = BindExtension.h2().withName("mem").withMigrations("classpath:db/orders")
            .withRollbackPerTest();

    @Test
    @Order(1)
    void firstTestWritesOnEveryBind(@BindName("pg") BindSession p, @BindName("maria") BindSession m,
                                    @BindName("mem") BindSession h) {
        startsFromFixture(p, m, h);
        for (BindSession s : new BindSession[] {p, m, h}) {
            Orders.insert(s, 1, "K-1", 10);
            Orders.insert(s, 2, "K-2", 10);
        }
        assertThat(Orders.count(p)).isEqualTo(3);
        assertThat(Orders.count(h)).isEqualTo(2);
    }

    @Test
    @Order(2)
    void secondTestWritesTheSameKeysAndFindsNothingOfTheFirst(@BindName("pg") BindSession p,
                                                              @BindName("maria") BindSession m,
                                                              @BindName("mem") BindSession h) {
        startsFromFixture(p, m, h);
        for (BindSession s : new BindSession[] {p, m, h}) {
            Orders.insert(s, 1, "K-1", 20);
        }
    }

    @Test
    @Order(3)
    void injectedSessionIsTheExtensionsRolledBackSession(@BindName("pg") BindSession p, @BindName("pg") Bind bind) {
        assertThat(p).isSameAs(pg.session());
        assertThat(bind).isSameAs(pg.bind());
        Orders.insert(p, 5, "K-5", 5);
        // uncommitted, as the fixture: another session of the bind sees neither
        assertThat(bind.withSession(Orders::count)).isZero();
        assertThat(Orders.count(p)).isEqualTo(2);
    }

    @Test
    @Order(4)
    void afterAllThatEachTableHoldsOnlyTheFixture(@BindName("pg") BindSession p, @BindName("maria") BindSession m,
                                                  @BindName("mem") BindSession h) {
        startsFromFixture(p, m, h);
    }

    private static void startsFromFixture(BindSession p, BindSession m, BindSession h) {
        assertThat(p.query("select ref from orders")).extracting(r -> r.getString("ref")).containsExactly("FIX;1");
        assertThat(m.query("select ref from orders")).extracting(r -> r.getString("ref")).containsExactly("FIX;1");
        assertThat(Orders.count(h)).isZero();
    }
}
