package dev.binds;

import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.EachDatabase;
import dev.binds.testdb.IsolatedDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncBindTest {

    @EachDatabase
    void asyncWorkIsBoundedByThePool(DatabaseKind kind) throws Exception {
        try (IsolatedDatabase db = kind.createDatabase();
             Bind bind = Bind.create(TestBinds.config(db, "async").pool(Map.of("maximum-pool-size", 3, "minimum-idle", 0)).build())) {
            TestBinds.createItems(bind);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            List<CompletableFuture<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String code = "a" + (i % 10);
                all.add(bind.async().inTransaction(s -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                        return s.getOrCreate("items", Map.of("code", code), Map.of()).created();
                    } finally {
                        running.decrementAndGet();
                    }
                }).toCompletableFuture());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long created = all.stream().filter(CompletableFuture::join).count();
            assertThat(created).isEqualTo(10);
            assertThat(peak.get()).isLessThanOrEqualTo(3).isGreaterThan(1);
            assertThat(bind.async().parallelism()).isEqualTo(3);
            CompletableFuture<Object> failed = bind.async().inTransaction(s -> s.update("insert into nowhere values (1)"))
                    .toCompletableFuture().handle((ok, e) -> e);
            assertThat(failed.get(10, TimeUnit.SECONDS)).isInstanceOf(StatementFailedException.class);
            assertThat(bind.poolState().active()).isZero();
        }
    }
}
