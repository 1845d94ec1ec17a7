package dev.binds.testing.micronaut;

import dev.binds.testing.Scenarios;
import dev.binds.testing.micronaut.scenarios.LeakingMicronautScenario;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

import static org.assertj.core.api.Assertions.assertThat;

/** A @BindTest class whose application leaves a connection open after its context closed fails, named. */
class MicronautLeakTest {

    @Test
    void leakingApplicationIsReportedByTestClassName() {
        var results = Scenarios.run(LeakingMicronautScenario.class);
        TestExecutionResult result = Scenarios.classResult(results, LeakingMicronautScenario.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(result.getThrowable().orElseThrow()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Test class " + LeakingMicronautScenario.class.getName()
                        + " (its application context closed) left 1 connection(s) open to MariaDB test database")
                .hasMessageContaining("of bind 'maria'");
    }
}
