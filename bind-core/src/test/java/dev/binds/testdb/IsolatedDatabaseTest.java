package dev.binds.testdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

class IsolatedDatabaseTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    @EachDatabase
    void createsUsesAndDropsADatabase(DatabaseKind kind) throws SQLException {
        String name;
        try (IsolatedDatabase db = IsolatedDatabase.create(kind)) {
            name = db.name();
            assertThat(name).startsWith("bind_t_");
            assertThat(db.exists()).isTrue();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL)");
                s.executeUpdate("INSERT INTO item (id, label) VALUES (1, 'one'), (2, 'two')");
                try (ResultSet rs = s.executeQuery("SELECT label FROM item WHERE id = 2")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("two");
                }
            }
        }
        // asks pg_database / information_schema.schemata / H2 with IFEXISTS
        assertThat(kind.server().databaseExists(name)).as("%s still exists after close", name).isFalse();
    }

    @EachDatabase
    void databasesAreIsolatedFromEachOther(DatabaseKind kind) throws SQLException {
        try (IsolatedDatabase a = IsolatedDatabase.create(kind); IsolatedDatabase b = IsolatedDatabase.create(kind)) {
            assertThat(a.name()).isNotEqualTo(b.name());
            assertThat(a.jdbcUrl()).contains(a.name());
            try (Connection c = a.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE only_in_a (id INT)");
            }
            try (Connection c = b.connect(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM only_in_a")).isInstanceOf(SQLException.class);
            }
        }
    }

    @EachDatabase
    void countsOpenConnectionsAndDropsDespiteThem(DatabaseKind kind) throws SQLException {
        IsolatedDatabase db = IsolatedDatabase.create(kind);
        try {
            assertThat(db.awaitOpenConnections(0, SETTLE)).isZero();
            Connection first = db.connect();
            Connection second = db.connect();
            assertThat(db.awaitOpenConnections(2, SETTLE)).isEqualTo(2);
            first.close();
            assertThat(db.awaitOpenConnections(1, SETTLE)).isEqualTo(1);

            // "second" is leaked, mid-transaction: the drop must still succeed
            second.setAutoCommit(false);
            try (Statement s = second.createStatement()) {
                s.execute("CREATE TABLE t (id INT)");
                s.executeUpdate("INSERT INTO t VALUES (1)");
            }
            db.close();
            assertThat(db.exists()).isFalse();
            assertThat(db.openConnections()).isZero();
            db.close(); // idempotent
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRES", "MARIADB"})
    void dropsOnlyLeftoversOlderThanTheCutoff(DatabaseKind kind) {
        DatabaseServer server = kind.server();
        server.requireAvailable();
        long fiveHoursAgo = Instant.now().minus(Duration.ofHours(5)).getEpochSecond();
        String old = "bind_t_" + Long.toString(fiveHoursAgo, 36) + "_leftover";
        try (IsolatedDatabase fresh = IsolatedDatabase.create(kind)) {
            server.createDatabase(old);
            assertThat(server.dropLeftovers(Duration.ofHours(3))).isGreaterThanOrEqualTo(1);
            assertThat(server.databaseExists(old)).isFalse();
            assertThat(fresh.exists()).isTrue();
        } finally {
            server.dropDatabase(old);
        }
    }

    @Test
    void namesCarryTheirCreationTime() {
        String name = IsolatedDatabase.newName();
        assertThat(name).matches("bind_t_[0-9a-z]+_[0-9a-z]{8}");
        assertThat(IsolatedDatabase.createdAt(name)).isBetween(Instant.now().minusSeconds(5), Instant.now());
        assertThat(IsolatedDatabase.createdAt("bind_t_someone_elses")).isNull();
        assertThat(IsolatedDatabase.createdAt("bind_t_000001_abcdefgh")).as("before names existed").isNull();
        assertThat(IsolatedDatabase.createdAt("bind_t_zzzzzz_abcdefgh")).as("in the future").isNull();
        assertThat(IsolatedDatabase.createdAt("orders")).isNull();
    }

    @Test
    void derivesDatabaseUrlsFromTheAdminUrl() {
        assertThat(settings("jdbc:postgresql://127.0.0.1:5432/test").urlFor("bind_t_x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/bind_t_x");
        assertThat(settings("jdbc:mariadb://db1:3306/test?useSSL=false&password=secret").urlFor("bind_t_x"))
                .isEqualTo("jdbc:mariadb://db1:3306/bind_t_x?useSSL=false&password=secret");
        assertThat(settings("jdbc:postgresql://h1:5432,h2:5432").urlFor("bind_t_x"))
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5432/bind_t_x");
        assertThat(settings("jdbc:mariadb://db1:3306/test?password=secret").safeUrl()).doesNotContain("secret");
        assertThatThrownBy(() -> settings("jdbc:postgresql:test").urlFor("bind_t_x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseKind.H2.server().jdbcUrl("x; drop"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unreachableServerSkipsOutsideCiAndFailsUnderCi() {
        DatabaseServer postgres = new PostgresServer(settings("jdbc:postgresql://127.0.0.1:1/test"));
        DatabaseServer mariadb = new MariaDbServer(new ServerSettings("jdbc:mariadb://127.0.0.1:1/test", "root", ""));
        assertThat(postgres.isReachable()).isFalse();
        assertThat(mariadb.isReachable()).isFalse();

        assertThatThrownBy(() -> postgres.requireAvailable(false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("PostgreSQL is not reachable at jdbc:postgresql://127.0.0.1:1/test")
                .hasMessageContaining("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
        assertThatThrownBy(() -> mariadb.requireAvailable(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MariaDB is not reachable")
                .hasMessageContaining("start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd")
                .hasMessageContaining("BIND_TEST_MARIADB_URL")
                .hasMessageContaining("CI=true");
    }

    private static ServerSettings settings(String url) {
        return new ServerSettings(url, "postgres", "");
    }
}
