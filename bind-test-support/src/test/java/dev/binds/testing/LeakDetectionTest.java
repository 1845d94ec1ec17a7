package dev.binds.testing;

import dev.binds.testing.scenarios.LeakingScenario;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A test class that leaves connections open fails, named in the message, and its databases are dropped anyway. */
class LeakDetectionTest {

    @Test
    void leakingClassIsReportedByNameAndItsDatabasesAreStillDropped() throws Exception {
        TestExecutionResult result = Scenarios.classResult(Scenarios.run(LeakingScenario.class), LeakingScenario.class);

        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        Throwable failure = result.getThrowable().orElseThrow();
        List<String> messages = new ArrayList<>();
        messages.add(failure.getMessage());
        for (Throwable s : failure.getSuppressed()) {
            messages.add(s.getMessage());
        }
        assertThat(String.join("\n", messages))
                .contains("Test class dev.binds.testing.scenarios.LeakingScenario left 1 connection(s) open to PostgreSQL")
                .contains("Test class dev.binds.testing.scenarios.LeakingScenario left 1 connection(s) open to MariaDB")
                .contains("bind 'pg'").contains("bind 'maria'");

        assertThat(LeakingScenario.DATABASES).hasSize(2);
        assertThat(Servers.require(DatabaseKind.POSTGRES).databases(DatabaseNames.PREFIX))
                .doesNotContain(LeakingScenario.DATABASES.get(0));
        assertThat(Servers.require(DatabaseKind.MARIADB).databases(DatabaseNames.PREFIX))
                .doesNotContain(LeakingScenario.DATABASES.get(1));
    }
}
