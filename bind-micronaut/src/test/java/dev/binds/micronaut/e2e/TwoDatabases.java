package dev.binds.micronaut.e2e;

import dev.binds.testdb.DatabaseKind;
import dev.binds.testdb.IsolatedDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh MariaDB database for bind {@code default} and a fresh PostgreSQL database for bind
 * {@code secondary}, and the properties that point an application at them. Skips the test when a server
 * is not running (fails it under {@code CI=true}).
 */
final class TwoDatabases implements AutoCloseable {

    final IsolatedDatabase mariadb;
    final IsolatedDatabase postgres;

    TwoDatabases() {
        IsolatedDatabase pg = IsolatedDatabase.create(DatabaseKind.POSTGRES);
        try {
            this.mariadb = IsolatedDatabase.create(DatabaseKind.MARIADB);
        } catch (RuntimeException | Error e) {
            pg.close();
            throw e;
        }
        this.postgres = pg;
    }

    Map<String, String> properties() {
        Map<String, String> props = new HashMap<>();
        props.put("spec.name", "e2e");
        bind(props, "default", mariadb, "classpath:db/e2e-default");
        bind(props, "secondary", postgres, "classpath:db/e2e-secondary");
        return props;
    }

    private static void bind(Map<String, String> props, String name, IsolatedDatabase db, String migrations) {
        props.put("binds." + name + ".url", db.jdbcUrl());
        props.put("binds." + name + ".username", db.username());
        if (db.password() != null && !db.password().isEmpty()) {
            props.put("binds." + name + ".password", db.password());
        }
        props.put("binds." + name + ".migrations.locations", migrations);
        props.put("binds." + name + ".pool.maximum-pool-size", "10");
        props.put("binds." + name + ".pool.minimum-idle", "2");
        props.put("binds." + name + ".pool.connection-timeout", "20s");
    }

    /** Counts rows with a connection of its own, outside the application. */
    static long count(IsolatedDatabase db, String sql, Object... params) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } finally {
            mariadb.close();
        }
    }
}
