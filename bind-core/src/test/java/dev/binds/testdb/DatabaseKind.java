package dev.binds.testdb;

/**
 * The databases every storage test runs against; use with {@code @EnumSource(DatabaseKind.class)}
 * or {@link EachDatabase}.
 *
 * @since 0.1
 */
public enum DatabaseKind {
    /** Embedded, in memory: always available. */
    H2,
    /** PostgreSQL server, by default 127.0.0.1:5432, user {@code postgres}. */
    POSTGRES,
    /** MariaDB server, by default 127.0.0.1:3306, user {@code root}. */
    MARIADB;

    /** The server that holds databases of this kind; one instance per JVM. */
    public DatabaseServer server() {
        return switch (this) {
            case H2 -> Servers.H2;
            case POSTGRES -> Servers.POSTGRES;
            case MARIADB -> Servers.MARIADB;
        };
    }

    /** Creates a fresh database of this kind; shorthand for {@link IsolatedDatabase#create(DatabaseKind)}. */
    public IsolatedDatabase createDatabase() {
        return IsolatedDatabase.create(this);
    }

    /** Holder, so the servers are built on first use and not while the enum initializes. */
    private static final class Servers {
        static final DatabaseServer H2 = new H2Server();
        static final DatabaseServer POSTGRES = new PostgresServer(ServerSettings.fromEnvironment(
                "BIND_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""));
        static final DatabaseServer MARIADB = new MariaDbServer(ServerSettings.fromEnvironment(
                "BIND_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/test", "root", ""));
    }
}
