package dev.binds;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Borrows a connection for a session and applies the session's settings where they differ from the pool's. */
final class ConnectionSetup {

    private ConnectionSetup() {
    }

    /** Undoes what {@link #open} set on the connection that the pool would not reset itself. */
    static void beforeRelease(Bind bind, SessionSettings settings, Connection c) throws SQLException {
        String restore = settings.readOnly() ? bind.dialect().readOnlyStatement(false) : null;
        if (restore != null) {
            try (Statement st = c.createStatement()) {
                st.execute(restore);
            }
        }
    }

    static Connection open(Bind bind, SessionSettings settings) {
        Connection c;
        try {
            c = bind.pool().getConnection();
        } catch (SQLException e) {
            throw new ConnectionFailedException(bind.name(), "Bind '" + bind.name() + "': cannot get a connection from "
                    + bind.config().maskedUrl() + ": " + Secrets.scrub(e.getMessage(), bind.config().password()),
                    Secrets.scrubbed(e, bind.config().password()));
        }
        try {
            SessionSettings poolDefaults = bind.config().session();
            // HikariCP resets read-only and isolation when the connection returns to the pool.
            if (settings.readOnly() != poolDefaults.readOnly()) {
                c.setReadOnly(settings.readOnly());
            }
            String enforce = settings.readOnly() ? bind.dialect().readOnlyStatement(true) : null;
            if (enforce != null) {
                try (Statement st = c.createStatement()) {
                    st.execute(enforce);
                }
            }
            if (settings.isolation() != null && settings.isolation() != poolDefaults.isolation()) {
                c.setTransactionIsolation(settings.isolation().jdbcLevel());
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof SQLException sql) {
                throw SqlErrors.translate(bind, "applying session settings", sql);
            }
            throw (RuntimeException) e;
        }
    }
}
