package dev.binds.migrate;

import dev.binds.BindException;
import dev.binds.MigrationFailedException;
import dev.binds.MigrationValidationException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import java.sql.SQLException;

/**
 * Turns Flyway's exceptions into the bind's own, with one message that names the bind, the migration
 * (version and script) and the database's own words, and says what to do.
 */
final class FlywayFailures {

    private static final int MAX_STATEMENT = 160;

    private FlywayFailures() {
    }

    /** {@code 2 (V2__add_orders.sql)}, or {@code R__views.sql} for a repeatable migration. */
    static String describe(org.flywaydb.core.api.MigrationInfo m) {
        return m.getVersion() == null ? m.getScript() : m.getVersion().getVersion() + " (" + m.getScript() + ")";
    }

    /**
     * @param operation what was being done, for the message: {@code migrate}, {@code repair}…
     * @param outcome   for a failed migration: whether the database recorded it, and what to do
     */
    static BindException translate(String bindName, String operation, FlywayException e, String outcome) {
        BindException own = causeOfType(e, BindException.class);
        if (own != null) {
            return own; // the bind's own failure (closed, cannot connect) passed through Flyway
        }
        if (e instanceof FlywayMigrateException m) {
            return new MigrationFailedException(bindName, migrationFailure(bindName, m)
                    + (outcome.isEmpty() ? "" : ". " + outcome), e);
        }
        if (e instanceof FlywayValidateException) {
            return new MigrationValidationException(bindName, "Bind '" + bindName + "': the migrations applied to the "
                    + "database do not match the code: " + oneLine(e.getMessage()) + ". Restore the changed scripts, "
                    + "or call repair() to accept the code's checksums", e);
        }
        String hint = e.getMessage() != null && e.getMessage().contains("non-empty schema")
                ? ". To adopt an existing schema, set binds." + bindName + ".migrations.baseline-on-migrate=true "
                  + "(with baseline-version below the first script's version when the bind's own tables are not "
                  + "there yet) or call baseline()" : "";
        return new MigrationFailedException(bindName, "Bind '" + bindName + "': " + operation + " failed: "
                + databaseMessage(e) + hint, e);
    }

    /** {@code Bind 'x': migration 2 (V2__x.sql) failed at line 3: <the database's message> [statement: …]}. */
    static String migrationFailure(String bindName, FlywayMigrateException m) {
        StringBuilder sb = new StringBuilder("Bind '").append(bindName).append("': migration ");
        sb.append(m.getMigration() == null ? "?" : describe(m.getMigration())).append(" failed");
        FlywaySqlScriptException script = causeOfType(m, FlywaySqlScriptException.class);
        if (script != null && script.getLineNumber() > 0) {
            sb.append(" at line ").append(script.getLineNumber());
        }
        sb.append(": ").append(databaseMessage(m));
        if (script != null && script.getStatement() != null) {
            String statement = oneLine(script.getStatement());
            sb.append(" [statement: ").append(statement.length() > MAX_STATEMENT
                    ? statement.substring(0, MAX_STATEMENT) + "…" : statement).append(']');
        }
        return sb.toString();
    }

    /** The deepest SQLException's message (the database's own words), else the root cause's. */
    static String databaseMessage(Throwable e) {
        String message = null;
        Throwable root = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                message = t.getMessage();
            }
            root = t;
        }
        if (message == null) {
            message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        }
        return oneLine(message);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
