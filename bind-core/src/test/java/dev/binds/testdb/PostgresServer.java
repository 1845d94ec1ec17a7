package dev.binds.testdb;

import java.util.List;
import java.util.Properties;

/** The PostgreSQL server; the admin connection goes to its maintenance database ({@code test} by default). */
final class PostgresServer extends RemoteServer {

    PostgresServer(ServerSettings settings) {
        super(settings);
    }

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    Properties timeouts() {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "10");
        return p;
    }

    @Override
    String productName() {
        return "PostgreSQL";
    }

    @Override
    String startCommand() {
        return "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
    }

    @Override
    String envPrefix() {
        return "BIND_TEST_POSTGRES";
    }

    @Override
    public void createDatabase(String name) {
        execute("CREATE DATABASE " + checkName(name), name);
    }

    @Override
    public void dropDatabase(String name) {
        // FORCE terminates the connections a test leaked; without it the drop fails.
        execute("DROP DATABASE IF EXISTS " + checkName(name) + " WITH (FORCE)", name);
    }

    @Override
    public boolean databaseExists(String name) {
        return count("SELECT count(*) FROM pg_database WHERE datname = ?", name) > 0;
    }

    @Override
    public int openConnections(String databaseName) {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()",
                databaseName);
    }

    @Override
    List<String> databasesLike(String likePattern) {
        return names("SELECT datname FROM pg_database WHERE datname LIKE ?", likePattern);
    }
}
