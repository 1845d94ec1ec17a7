package dev.binds.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every benchmark method with every parameter once, in-process, for 100 ms, and the counted
 * round-trip runs on a few operations, so that the benchmarks cannot rot between full runs. Fails
 * when a benchmark throws or finds wrong rows. Needs PostgreSQL and MariaDB: with {@code CI=true} a
 * missing server fails the test; elsewhere it is skipped with a message saying how to start it.
 */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkRuns() throws Exception {
        for (String db : new String[] {Databases.POSTGRES, Databases.MARIADB}) {
            String why = Databases.unreachable(db);
            if (why != null) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new AssertionError("CI=true but " + why);
                }
                assumeTrue(false, "skipped: " + why);
            }
        }
        Suite suite = new Suite(Suite.Mode.TEST, null, Path.of("target/bench-smoke"), System.out);
        String table = suite.run();
        assertThat(suite.failures()).as("failed benchmark runs, see target/bench-smoke/*.log").isZero();
        assertThat(table).doesNotContain("FAILED").contains("4. getOrCreate round trips per hit · postgres");
    }
}
