package dev.binds.testing;

import dev.binds.testing.scenarios.MariaDbScenario;
import dev.binds.testing.scenarios.PostgresScenario;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server named by BIND_TEST_*_URL that does not answer: under CI=true the class fails with a message saying
 * what to start; elsewhere it is skipped with that message. Simulated with system properties pointing at a
 * closed port, in a nested launcher run.
 */
class UnavailableServerTest {

    private static final String CLOSED_POSTGRES = "jdbc:postgresql://127.0.0.1:1/postgres";
    private static final String CLOSED_MARIADB = "jdbc:mariadb://127.0.0.1:1/mysql";

    @Test
    void underCiAMissingPostgresFailsTheClassWithWhatToStart() {
        TestExecutionResult result = Scenarios.classResult(Scenarios.runWith(PostgresScenario.class,
                "BIND_TEST_POSTGRES_URL", CLOSED_POSTGRES, "CI", "true"), PostgresScenario.class);

        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(result.getThrowable().orElseThrow())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("PostgreSQL named by BIND_TEST_POSTGRES_URL is not reachable at " + CLOSED_POSTGRES)
                .hasMessageContaining("Start that server, or unset BIND_TEST_POSTGRES_URL")
                .hasMessageContaining("CI=true");
    }

    @Test
    void underCiAMissingMariaDbFailsTheClass() {
        TestExecutionResult result = Scenarios.classResult(Scenarios.runWith(MariaDbScenario.class,
                "BIND_TEST_MARIADB_URL", CLOSED_MARIADB, "CI", "true"), MariaDbScenario.class);

        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(result.getThrowable().orElseThrow()).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("MariaDB named by BIND_TEST_MARIADB_URL is not reachable");
    }

    @Test
    void outsideCiAMissingServerSkipsTheClassWithTheSameMessage() {
        TestExecutionResult result = Scenarios.classResult(Scenarios.runWith(PostgresScenario.class,
                "BIND_TEST_POSTGRES_URL", CLOSED_POSTGRES, "CI", "false"), PostgresScenario.class);

        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(result.getThrowable().orElseThrow()).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("BIND_TEST_POSTGRES_URL is not reachable");
    }
}
