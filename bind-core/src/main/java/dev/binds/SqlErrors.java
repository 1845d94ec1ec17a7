package dev.binds;

import java.sql.SQLException;

/** Turns a driver's {@link SQLException} into the matching {@link BindException}, naming the bind and statement. */
final class SqlErrors {

    private SqlErrors() {
    }

    static BindException translate(Bind bind, String sql, SQLException e) {
        String message = "Bind '" + bind.name() + "': " + Secrets.scrub(e.getMessage(), bind.config().password())
                + " [SQLState " + e.getSQLState() + ", error " + e.getErrorCode() + "]"
                + (sql == null ? "" : " in: " + abbreviate(sql));
        if (bind.dialect().isUniqueViolation(e)) {
            return new UniqueViolationException(bind.name(), message, e);
        }
        if (bind.dialect().isRetryable(e)) {
            return new RetryableTransactionException(bind.name(), message, e);
        }
        return new StatementFailedException(bind.name(), message, e);
    }

    private static String abbreviate(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
