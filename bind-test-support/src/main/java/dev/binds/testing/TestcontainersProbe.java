package dev.binds.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Testcontainers can give this JVM a server. Testcontainers is an optional dependency: its classes
 * are looked up by name first, and only when they are present is {@link TestcontainersServers} (which names
 * them) loaded and asked whether a Docker engine answers. {@code BIND_TEST_TESTCONTAINERS=false} turns it off.
 */
final class TestcontainersProbe implements Servers.ContainerProbe {

    static final TestcontainersProbe INSTANCE = new TestcontainersProbe();
    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersProbe.class);

    private volatile String dockerProblem;
    private volatile boolean dockerChecked;

    private TestcontainersProbe() {
    }

    @Override
    public String unavailableReason(DatabaseKind kind) {
        if ("false".equalsIgnoreCase(ServerSettings.lookup("BIND_TEST_TESTCONTAINERS"))) {
            return "turned off by BIND_TEST_TESTCONTAINERS=false";
        }
        String missing = missingClass(kind);
        if (missing != null) {
            return "not on the classpath (" + missing + "; add org.testcontainers:" + module(kind) + ")";
        }
        return dockerProblem();
    }

    @Override
    public ServerSettings start(DatabaseKind kind) {
        return TestcontainersServers.start(kind);
    }

    static String module(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRES ? "postgresql" : "mariadb";
    }

    static String containerClass(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRES ? "org.testcontainers.containers.PostgreSQLContainer"
                : "org.testcontainers.containers.MariaDBContainer";
    }

    /** @return the first Testcontainers class not found, or {@code null} when all are there */
    static String missingClass(DatabaseKind kind) {
        return missingClass("org.testcontainers.DockerClientFactory", containerClass(kind));
    }

    static String missingClass(String... names) {
        for (String name : names) {
            try {
                Class.forName(name, false, TestcontainersProbe.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return name;
            }
        }
        return null;
    }

    /** Asked once per JVM: Testcontainers' own check tries every way to reach Docker, which takes a moment. */
    private String dockerProblem() {
        if (!dockerChecked) {
            synchronized (this) {
                if (!dockerChecked) {
                    long start = System.nanoTime();
                    try {
                        dockerProblem = TestcontainersServers.dockerAvailable() ? null : "no Docker engine available";
                    } catch (RuntimeException | LinkageError e) {
                        dockerProblem = "Docker check failed (" + e + ")";
                    }
                    LOG.debug("Testcontainers Docker check took {} ms: {}", (System.nanoTime() - start) / 1_000_000,
                            dockerProblem == null ? "available" : dockerProblem);
                    dockerChecked = true;
                }
            }
        }
        return dockerProblem;
    }
}
