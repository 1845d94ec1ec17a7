package dev.binds.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The benchmark database on one server, as both sides of a benchmark reach it. The PostgreSQL URL
 * turns TLS off ({@code sslmode=disable}) for both sides alike, so that the counting proxy can read
 * the protocol; PostgreSQL on these machines has {@code ssl = off} anyway.
 *
 * @param db       {@code h2}, {@code postgres} or {@code mariadb}
 * @param host     the server's host; unused for H2
 * @param port     the server's port; unused for H2
 * @param user     the user
 * @param password the password
 */
public record Endpoint(String db, String host, int port, String user, String password) {

    /** @return the JDBC URL of the benchmark database */
    public String url() {
        return switch (db) {
            case Databases.H2 -> "jdbc:h2:mem:" + Databases.DATABASE + ";DB_CLOSE_DELAY=-1";
            case Databases.POSTGRES -> "jdbc:postgresql://" + host + ":" + port + "/" + Databases.DATABASE + "?sslmode=disable";
            case Databases.MARIADB -> "jdbc:mariadb://" + host + ":" + port + "/" + Databases.DATABASE;
            default -> throw new IllegalStateException(db);
        };
    }

    /** @return the same database reached through another host and port, e.g. a counting proxy */
    public Endpoint via(String otherHost, int otherPort) {
        return new Endpoint(db, otherHost, otherPort, user, password);
    }

    /** @return a plain auto-commit connection for schema set-up and row checks, outside both pools */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }
}
