package dev.binds.testing.micronaut;

import dev.binds.Bind;
import dev.binds.Row;
import dev.binds.testing.BindTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One of two @MicronautTest classes writing the same keys to the application's three binds: each bind of each
 * class is on its own fresh, migrated database of the kind its configured URL names.
 */
@MicronautTest(startApplication = false)
@BindTest
class MicronautIsolationTwoTest {

    @Inject
    @Named("pg")
    Bind pg;
    @Inject
    @Named("maria")
    Bind maria;
    @Inject
    @Named("mem")
    Bind mem;

    @Property(name = "binds.pg.url")
    String pgUrl;
    @Property(name = "binds.maria.url")
    String mariaUrl;
    @Property(name = "binds.mem.url")
    String memUrl;
    @Property(name = "binds.pg.username")
    String pgUser;

    @Test
    void everyBindIsOnItsOwnTestDatabaseOfTheSameKind() {
        assertThat(pgUrl).startsWith("jdbc:postgresql://127.0.0.1:5432/bindtest_");
        assertThat(mariaUrl).startsWith("jdbc:mariadb://127.0.0.1:3306/bindtest_");
        assertThat(memUrl).startsWith("jdbc:h2:mem:bindtest_").endsWith(";MODE=PostgreSQL");
        assertThat(pgUser).isEqualTo("postgres"); // the test server's, not application.yml's 'app'
    }

    @Test
    void writesTheSameKeysAsTheOtherClassAndSeesOnlyItsOwnRows() {
        for (Bind bind : new Bind[] {pg, maria, mem}) {
            bind.useTransaction(s -> s.update(
                    "insert into orders (id, ref, currency, total) values (1, 'K-1', 'EUR', ?)", 2));
            List<BigDecimal> totals = bind.withSession(s -> s.query("select total from orders", rs -> rs.getBigDecimal("total")));
            assertThat(totals).as(bind.name()).singleElement().satisfies(t -> assertThat(t).isEqualByComparingTo(BigDecimal.valueOf(2)));
            List<Row> currencies = bind.withSession(s -> s.query("select code from currencies"));
            assertThat(currencies).as("migrated seed").hasSize(2);
        }
    }
}
