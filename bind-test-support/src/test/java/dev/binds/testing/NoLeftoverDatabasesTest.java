package dev.binds.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Runs in its own surefire execution after every fork of the module's tests has ended: no {@code bindtest_}
 * database created by this run may remain on either server. (Templates, {@code bindtpl_…}, are kept on purpose.)
 */
class NoLeftoverDatabasesTest {

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRES", "MARIADB"})
    void noTestDatabaseOfThisRunRemains(DatabaseKind kind) throws Exception {
        String started = System.getProperty("bindtest.run.started");
        assumeThat(started).as("set by the surefire execution 'no-leftovers'").isNotNull();
        Instant runStarted = Instant.parse(started).minusSeconds(1);
        List<String> ours = Servers.require(kind).databases(DatabaseNames.PREFIX).stream()
                .filter(name -> {
                    Instant created = DatabaseNames.createdAt(name);
                    return created != null && !created.isBefore(runStarted);
                })
                .toList();
        assertThat(ours).as("test databases created since " + runStarted + " on " + kind.productName()).isEmpty();
    }

    @Test
    void templatesAreKeptForTheNextRun() throws Exception {
        assumeThat(System.getProperty("bindtest.run.started")).isNotNull();
        assertThat(Servers.require(DatabaseKind.POSTGRES).databases(DatabaseNames.TEMPLATE_PREFIX)).isNotEmpty();
    }
}
