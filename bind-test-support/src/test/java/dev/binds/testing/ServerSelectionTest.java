package dev.binds.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The order in which a server is found: named by variable, Testcontainers when Docker is available, the local
 * default, else a message. Docker is simulated here; the real Testcontainers probe is checked on this machine,
 * and the test that needs a real Docker engine is skipped where there is none.
 */
class ServerSelectionTest {

    private static final ServerSettings NAMED = new ServerSettings("jdbc:postgresql://db.example:5432/postgres", "admin", "s3cret");
    private static final ServerSettings CONTAINER = new ServerSettings("jdbc:postgresql://localhost:49153/test", "test", "test");

    /** A Testcontainers stand-in: Docker present or not, and the starts it was asked for. */
    static class FakeContainers implements Servers.ContainerProbe {
        final String problem;
        final List<DatabaseKind> started = new ArrayList<>();

        FakeContainers(String problem) {
            this.problem = problem;
        }

        @Override
        public String unavailableReason(DatabaseKind kind) {
            return problem;
        }

        @Override
        public ServerSettings start(DatabaseKind kind) {
            started.add(kind);
            return CONTAINER;
        }
    }

    private static final Function<ServerSettings, String> ALL_REACHABLE = s -> null;
    private static final Function<ServerSettings, String> NONE_REACHABLE = s -> "Connection refused";

    @Test
    void aServerNamedByTheVariableComesFirst() {
        FakeContainers docker = new FakeContainers(null);
        Servers.Resolution r = Servers.resolve(DatabaseKind.POSTGRES, NAMED, docker, ALL_REACHABLE);
        assertThat(r.server().origin()).isEqualTo("BIND_TEST_POSTGRES_URL");
        assertThat(r.server().jdbcUrl("bindtest_x", null)).isEqualTo("jdbc:postgresql://db.example:5432/bindtest_x");
        assertThat(docker.started).isEmpty();
    }

    @Test
    void anUnreachableNamedServerIsNotSilentlyReplaced() {
        FakeContainers docker = new FakeContainers(null);
        Servers.Resolution r = Servers.resolve(DatabaseKind.POSTGRES, NAMED, docker, NONE_REACHABLE);
        assertThat(r.server()).isNull();
        assertThat(r.problem()).contains("named by BIND_TEST_POSTGRES_URL is not reachable at jdbc:postgresql://db.example:5432")
                .contains("as user 'admin'").doesNotContain("s3cret");
        assertThat(docker.started).isEmpty();
    }

    @Test
    void whenDockerIsAvailableAContainerComesBeforeTheLocalServer() {
        FakeContainers docker = new FakeContainers(null);
        Servers.Resolution r = Servers.resolve(DatabaseKind.MARIADB, null, docker, ALL_REACHABLE);
        assertThat(r.server().origin()).isEqualTo("Testcontainers");
        assertThat(docker.started).containsExactly(DatabaseKind.MARIADB);
    }

    @Test
    void withoutDockerTheLocalServerIsUsed() {
        FakeContainers noDocker = new FakeContainers("no Docker engine available");
        Servers.Resolution r = Servers.resolve(DatabaseKind.POSTGRES, null, noDocker, ALL_REACHABLE);
        assertThat(r.server().origin()).isEqualTo("local default");
        assertThat(r.server().jdbcUrl("bindtest_x", null)).isEqualTo("jdbc:postgresql://127.0.0.1:5432/bindtest_x");
        assertThat(noDocker.started).isEmpty();
    }

    @Test
    void aContainerThatFailsToStartFallsBackToTheLocalServer() {
        Servers.ContainerProbe broken = new FakeContainers(null) {
            @Override
            public ServerSettings start(DatabaseKind kind) {
                throw new IllegalStateException("image pull failed");
            }
        };
        assertThat(Servers.resolve(DatabaseKind.POSTGRES, null, broken, ALL_REACHABLE).server().origin())
                .isEqualTo("local default");
    }

    @Test
    void withNothingTheMessageSaysWhatWasTriedAndWhatToStart() {
        Servers.Resolution r = Servers.resolve(DatabaseKind.MARIADB, null, new FakeContainers("no Docker engine available"),
                NONE_REACHABLE);
        assertThat(r.server()).isNull();
        assertThat(r.problem()).startsWith("No MariaDB server for the tests. Tried: BIND_TEST_MARIADB_URL is not set; "
                        + "Testcontainers: no Docker engine available; no server at 127.0.0.1:3306 as user 'root' (Connection refused).")
                .contains("Start one: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd")
                .contains("BIND_TEST_MARIADB_USER and BIND_TEST_MARIADB_PASSWORD")
                .contains("org.testcontainers:mariadb");
    }

    @Test
    void ciDecidesBetweenFailingAndSkipping() {
        String old = System.getProperty("CI");
        try {
            System.setProperty("CI", "true");
            assertThat(Servers.unavailable("No server.")).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("No server. CI=true: tests that need it fail instead of being skipped.");
            System.setProperty("CI", "false");
            assertThat(Servers.unavailable("No server.")).isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("Skipped: No server.");
        } finally {
            if (old == null) {
                System.clearProperty("CI");
            } else {
                System.setProperty("CI", old);
            }
        }
    }

    @Test
    void realProbeFindsTheTestcontainersClassesAndAsksDocker() {
        assertThat(TestcontainersProbe.missingClass(DatabaseKind.POSTGRES)).isNull();
        assertThat(TestcontainersProbe.missingClass(DatabaseKind.MARIADB)).isNull();
        // without the optional dependency: named, not a NoClassDefFoundError
        assertThat(TestcontainersProbe.missingClass("org.testcontainers.DockerClientFactory",
                "org.testcontainers.containers.NoSuchContainer")).isEqualTo("org.testcontainers.containers.NoSuchContainer");
        String reason = TestcontainersProbe.INSTANCE.unavailableReason(DatabaseKind.POSTGRES);
        // on a machine without Docker (this project's) the reason says so; with Docker there is none
        assertThat(reason == null || reason.contains("Docker") || reason.contains("turned off"))
                .as(String.valueOf(reason)).isTrue();
    }

    @Test
    void realProbeCanBeTurnedOff() {
        System.setProperty("BIND_TEST_TESTCONTAINERS", "false");
        try {
            assertThat(TestcontainersProbe.INSTANCE.unavailableReason(DatabaseKind.MARIADB))
                    .isEqualTo("turned off by BIND_TEST_TESTCONTAINERS=false");
        } finally {
            System.clearProperty("BIND_TEST_TESTCONTAINERS");
        }
    }

    /** Needs a Docker engine: skipped here, and not the only test of anything (see the local-server tests). */
    @Test
    void aContainerServesTestDatabasesWhenDockerIsAvailable() {
        String reason = TestcontainersProbe.INSTANCE.unavailableReason(DatabaseKind.POSTGRES);
        assumeThat(reason).as("Testcontainers: " + reason + "; the container path is tested where Docker runs").isNull();
        DatabaseServer container = Servers.resolve(DatabaseKind.POSTGRES, null, TestcontainersProbe.INSTANCE,
                Servers::connectProblem).server();
        assertThat(container.origin()).isEqualTo("Testcontainers");
        try (TestDatabase db = Provisioner.provision(container, "orders",
                dev.binds.MigrationSettings.DEFAULTS.withLocations(List.of("classpath:db/orders")), null)) {
            assertThat(db.url()).contains("bindtest_");
        }
    }
}
