package dev.binds.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.EnumMap;
import java.util.Map;

/**
 * The only class that names Testcontainers types; loaded only after {@link TestcontainersProbe} found them on
 * the classpath. One container per kind of database, shared by every test class of the JVM; Testcontainers
 * removes it when the JVM ends. Images: {@code BIND_TEST_POSTGRES_IMAGE} (default {@value #POSTGRES_IMAGE}),
 * {@code BIND_TEST_MARIADB_IMAGE} (default {@value #MARIADB_IMAGE}).
 */
final class TestcontainersServers {

    static final String POSTGRES_IMAGE = "postgres:15-alpine";
    static final String MARIADB_IMAGE = "mariadb:10.11";

    private static final Map<DatabaseKind, JdbcDatabaseContainer<?>> STARTED = new EnumMap<>(DatabaseKind.class);

    private TestcontainersServers() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static synchronized ServerSettings start(DatabaseKind kind) {
        JdbcDatabaseContainer<?> container = STARTED.get(kind);
        if (container == null) {
            container = create(kind);
            container.start();
            STARTED.put(kind, container);
        }
        return new ServerSettings(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    @SuppressWarnings("resource")
    private static JdbcDatabaseContainer<?> create(DatabaseKind kind) {
        if (kind == DatabaseKind.POSTGRES) {
            String image = image("BIND_TEST_POSTGRES_IMAGE", POSTGRES_IMAGE);
            return new PostgreSQLContainer<>(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        }
        String image = image("BIND_TEST_MARIADB_IMAGE", MARIADB_IMAGE);
        // root: test databases are created and dropped through this connection
        return new MariaDBContainer<>(DockerImageName.parse(image).asCompatibleSubstituteFor("mariadb"))
                .withUsername("root");
    }

    private static String image(String variable, String fallback) {
        String value = ServerSettings.lookup(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
