package dev.binds.bench.http.harness;

import dev.binds.bench.http.harness.StartupBenchmark.Mode;
import dev.binds.bench.http.harness.StartupBenchmark.Sample;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The smoke run of benchmarks 5 and 6, so that they never rot: a second of load on each endpoint, and
 * start-ups with 1 and 10 binds, eager and lazy, beside the stock application. It checks that the
 * machinery works and the promises that need no statistics (no failed request; a lazy bind opens no
 * connection until used), not the performance targets, which only the full run can judge. Needs the local
 * PostgreSQL: skipped without it, except under {@code CI=true}, where that is a failure.
 */
class HttpBenchmarksTest {

    @Test
    @Timeout(240)
    void bothBenchmarksRunAndKeepTheirPromises(@TempDir Path work) throws Exception {
        try (Postgres postgres = Postgres.fromEnvironment()) {
            String unreachable = postgres.unreachable();
            if (unreachable != null) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail("CI=true and " + unreachable);
                }
                Assumptions.abort("Skipped: " + unreachable);
            }

            HttpBenchmarks.Report report = HttpBenchmarks.run(postgres, work, true, true, LoadBenchmark.Settings.smoke(),
                    StartupBenchmark.Settings.smoke(), Progress.STDERR);

            assertThat(report.load()).extracting(LoadBenchmark.Outcome::variant).containsExactly("select by pk", "update by pk");
            for (LoadBenchmark.Outcome o : report.load()) {
                for (List<LoadGenerator.Result> side : List.of(o.ours(), o.raw())) {
                    assertThat(o.requests(side)).as("%s requests answered on %s", o.variant(), side.get(0).target())
                            .isPositive();
                    assertThat(o.errors(side)).as("%s errors on %s, the first: %s", o.variant(), side.get(0).target(),
                            side.stream().map(LoadGenerator.Result::firstError).filter(e -> e != null).findFirst().orElse(""))
                            .isZero();
                }
            }

            Startups startups = report.startups();
            for (Mode mode : Mode.values()) {
                for (int size : List.of(1, 10)) {
                    for (String side : List.of(Startups.OURS, Startups.STOCK)) {
                        assertThat(startups.of(side, mode, size)).as("%s %s %d", side, mode, size).isNotEmpty()
                                .allSatisfy(s -> assertThat(s.millis()).isPositive());
                    }
                    for (Sample s : startups.of(Startups.OURS, mode, size)) {
                        if (mode == Mode.LAZY) {
                            assertThat(s.held()).as("connections open at the first answer, %d lazy binds", size).isZero();
                            assertThat(s.opened()).as("connections opened by start-up, %d lazy binds", size).isZero();
                            assertThat(s.heldAfterUse()).as("first use starts the pool of bind default").isPositive();
                        } else {
                            assertThat(s.opened()).as("every eager pool checks its database at start-up").isGreaterThanOrEqualTo(size);
                        }
                    }
                }
            }
            assertThat(report.table().rows()).allSatisfy(r -> assertThat(r.ours()).as(r.benchmark()).isNotNaN());
            System.err.print(report.table().text());
        }
    }
}
