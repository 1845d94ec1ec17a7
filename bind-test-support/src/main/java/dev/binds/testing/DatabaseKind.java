package dev.binds.testing;

import java.util.Locale;

/**
 * The kinds of database the test support can give a test: a PostgreSQL or MariaDB server (named by
 * environment, started by Testcontainers, or the local default), or embedded H2.
 *
 * <pre>{@code
 * DatabaseKind kind = DatabaseKind.forUrl("jdbc:mariadb://localhost:3306/orders"); // MARIADB
 * try (TestDatabase db = TestDatabase.create(kind, MigrationSettings.DEFAULTS)) {
 *     ...
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum DatabaseKind {
    /** PostgreSQL 12 or later; each test database is cloned from a migrated template database. */
    POSTGRES("PostgreSQL", "BIND_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", 5432),
    /** MariaDB 10.5 or later; each test database is copied from a migrated template schema. */
    MARIADB("MariaDB", "BIND_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/mysql", "root", 3306),
    /** H2 in memory, in this JVM: always available, migrated for each test database. */
    H2("H2", null, null, "sa", 0);

    private final String productName;
    private final String envPrefix;
    private final String localUrl;
    private final String localUser;
    private final int localPort;

    DatabaseKind(String productName, String envPrefix, String localUrl, String localUser, int localPort) {
        this.productName = productName;
        this.envPrefix = envPrefix;
        this.localUrl = localUrl;
        this.localUser = localUser;
        this.localPort = localPort;
    }

    /**
     * @param jdbcUrl a bind's URL
     * @return the kind of database it names
     * @throws IllegalArgumentException for a URL of another database
     */
    public static DatabaseKind forUrl(String jdbcUrl) {
        String u = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("No test database for URL '" + (jdbcUrl == null ? "" : jdbcUrl.split("[?;]")[0])
                + "': bind-test-support provides PostgreSQL (jdbc:postgresql:), MariaDB (jdbc:mariadb:) and H2 (jdbc:h2:)");
    }

    /** @return {@code PostgreSQL}, {@code MariaDB} or {@code H2} */
    public String productName() {
        return productName;
    }

    /** @return the prefix of the variables naming a server: {@code BIND_TEST_POSTGRES}; {@code null} for H2 */
    String envPrefix() {
        return envPrefix;
    }

    String localUrl() {
        return localUrl;
    }

    String localUser() {
        return localUser;
    }

    int localPort() {
        return localPort;
    }

    /** @return the command that starts this project's local server, for messages */
    String startCommand() {
        return switch (this) {
            case POSTGRES -> "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
            case MARIADB -> "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";
            case H2 -> "";
        };
    }
}
