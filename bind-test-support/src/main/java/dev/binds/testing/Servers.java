package dev.binds.testing;

import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the server for a kind of database, in this order: the one named by {@code BIND_TEST_<KIND>_URL}
 * (system property or environment variable); a Testcontainers container when Testcontainers is on the
 * classpath and a Docker engine answers; the local default server on 127.0.0.1. Otherwise the test fails
 * under {@code CI=true} and is skipped elsewhere, with a message saying what was tried and what to start.
 * The answer is kept per JVM for the same settings.
 */
final class Servers {

    /** What Testcontainers can do on this machine; a fake one in the tests of this order. */
    interface ContainerProbe {
        /** @return why containers cannot be used for the kind, or {@code null} when they can */
        String unavailableReason(DatabaseKind kind);

        /** @return the admin connection of a started container, shared by the JVM's test classes */
        ServerSettings start(DatabaseKind kind);
    }

    /** A server, or why there is none. */
    record Resolution(DatabaseServer server, String problem) {
    }

    private static final Map<List<Object>, Resolution> RESOLVED = new ConcurrentHashMap<>();

    private Servers() {
    }

    /**
     * @return the server for the kind
     * @throws DatabaseUnavailableException under {@code CI=true} when there is none
     * @throws TestAbortedException         elsewhere when there is none (the test is skipped)
     */
    static DatabaseServer require(DatabaseKind kind) {
        if (kind == DatabaseKind.H2) {
            return H2Server.INSTANCE;
        }
        ServerSettings named = ServerSettings.fromEnvironment(kind.envPrefix(), kind.localUser());
        Resolution r = RESOLVED.computeIfAbsent(Arrays.asList(kind, named),
                k -> resolve(kind, named, TestcontainersProbe.INSTANCE, Servers::connectProblem));
        if (r.server() != null) {
            return r.server();
        }
        throw unavailable(r.problem());
    }

    static Resolution resolve(DatabaseKind kind, ServerSettings named, ContainerProbe containers,
                              Function<ServerSettings, String> connectProblem) {
        String variable = kind.envPrefix() + "_URL";
        if (named != null) {
            String problem = connectProblem.apply(named);
            if (problem == null) {
                return found(kind, variable, named);
            }
            return new Resolution(null, kind.productName() + " named by " + variable + " is not reachable at "
                    + named.safeUrl() + " as user '" + named.username() + "' (" + problem + "). Start that server, "
                    + "or unset " + variable + " to use Testcontainers or the local server on 127.0.0.1:"
                    + kind.localPort() + ".");
        }
        List<String> tried = new ArrayList<>();
        tried.add(variable + " is not set");
        String noContainers = containers.unavailableReason(kind);
        if (noContainers == null) {
            try {
                return found(kind, "Testcontainers", containers.start(kind));
            } catch (RuntimeException e) {
                tried.add("Testcontainers could not start a container (" + e.getMessage() + ")");
            }
        } else {
            tried.add("Testcontainers: " + noContainers);
        }
        ServerSettings local = new ServerSettings(kind.localUrl(), kind.localUser(), "");
        String problem = connectProblem.apply(local);
        if (problem == null) {
            return found(kind, "local default", local);
        }
        tried.add("no server at 127.0.0.1:" + kind.localPort() + " as user '" + kind.localUser() + "' (" + problem + ")");
        String prefix = kind.envPrefix();
        return new Resolution(null, "No " + kind.productName() + " server for the tests. Tried: "
                + String.join("; ", tried) + ". Start one: " + kind.startCommand() + " (a server on 127.0.0.1:"
                + kind.localPort() + " with user '" + kind.localUser() + "' and no password); or set " + variable + ", "
                + prefix + "_USER and " + prefix + "_PASSWORD to an admin connection that may create and drop "
                + "databases; or start Docker with org.testcontainers:" + TestcontainersProbe.module(kind)
                + " on the test classpath.");
    }

    private static Resolution found(DatabaseKind kind, String origin, ServerSettings settings) {
        return new Resolution(kind == DatabaseKind.POSTGRES ? new PostgresServer(origin, settings)
                : new MariaDbServer(origin, settings), null);
    }

    /** @return {@code null} when the admin connection opens, else the driver's reason */
    static String connectProblem(ServerSettings settings) {
        DatabaseKind kind = DatabaseKind.forUrl(settings.url());
        RemoteServer probe = kind == DatabaseKind.POSTGRES ? new PostgresServer("probe", settings)
                : new MariaDbServer("probe", settings);
        try (Connection ignored = probe.admin()) {
            return null;
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return settings.password().isEmpty() ? message : message.replace(settings.password(), "****");
        }
    }

    /** @return the failure (under CI) or the skip that a missing server means */
    static RuntimeException unavailable(String message) {
        if (isCi()) {
            return new DatabaseUnavailableException(message + " CI=true: tests that need it fail instead of being skipped.");
        }
        return new TestAbortedException("Skipped: " + message + " (under CI=true this fails the test).");
    }

    /** @return whether {@code CI} (system property, else environment variable) is {@code true} */
    static boolean isCi() {
        return "true".equalsIgnoreCase(ServerSettings.lookup("CI"));
    }
}
