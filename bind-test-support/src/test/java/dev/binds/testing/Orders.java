package dev.binds.testing;

import dev.binds.Bind;
import dev.binds.BindSession;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the isolation tests write and check: the same keys in every class, each class its own totals. */
final class Orders {

    private Orders() {
    }

    static void insert(BindSession s, long id, String ref, int total) {
        s.update("insert into orders (id, ref, currency, total) values (?, ?, 'EUR', ?)", id, ref, total);
    }

    static long count(BindSession s) {
        return s.queryOne("select count(*) as n from orders").orElseThrow().getLong("n");
    }

    /**
     * Writes orders 1..3 (refs K-1..K-3) with total {@code marker}, waits so that classes in other forks overlap,
     * and checks that the bind's database holds exactly those rows plus the migrated currencies.
     */
    static void writeSameKeysAndSeeOnlyOwnRows(Bind bind, int marker) throws InterruptedException {
        bind.useTransaction(s -> {
            for (int i = 1; i <= 3; i++) {
                insert(s, i, "K-" + i, marker);
            }
        });
        Thread.sleep(300);
        List<BigDecimal> totals = bind.withSession(s -> s.query("select total from orders order by id",
                rs -> rs.getBigDecimal("total")));
        assertThat(totals).hasSize(3).allSatisfy(t -> assertThat(t).isEqualByComparingTo(BigDecimal.valueOf(marker)));
        long currencies = bind.withSession(s -> s.queryOne("select count(*) as n from currencies").orElseThrow().getLong("n"));
        assertThat(currencies).as("seed rows of the migrations").isEqualTo(2);
    }
}
