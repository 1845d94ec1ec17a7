package dev.binds;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB and MySQL. A duplicate key rolls back only the failing statement (InnoDB), so a plain
 * {@code INSERT} is the insert-if-absent. The upsert is {@code INSERT … ON DUPLICATE KEY UPDATE};
 * as the driver's update count cannot tell an insert from an unchanged row, the statement records
 * that in the session variable {@code @bind_found}, read back with the row.
 */
final class MariaDbDialect extends Dialect {

    private final boolean returning;

    MariaDbDialect(String name, String driverClassName, boolean returning) {
        super(name, driverClassName);
        this.returning = returning;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** The MariaDB driver treats {@code setReadOnly} as a hint and sends nothing, so the session says it itself. */
    @Override
    protected String readOnlyStatement(boolean readOnly) {
        return readOnly ? "SET SESSION TRANSACTION READ ONLY" : "SET SESSION TRANSACTION READ WRITE";
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        for (SQLException x : causes(e)) {
            if (x.getErrorCode() == 1062 || x.getErrorCode() == 1586) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isRetryable(SQLException e) {
        for (SQLException x : causes(e)) {
            if (x.getErrorCode() == 1213 || "40001".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean failedStatementAbortsTransaction() {
        return false;
    }

    @Override
    public String lockingReadClause() {
        return " LOCK IN SHARE MODE";
    }

    @Override
    protected String insertReturning(String table, List<String> columns) {
        return returning ? insertInto(table, columns) + " RETURNING *" : null;
    }

    @Override
    protected UpsertStatement upsert(String table, List<String> columns, List<String> lookup, List<String> update) {
        // The first value resets the flag before the duplicate check; the first assignment sets it.
        StringBuilder values = new StringBuilder("CASE WHEN (@bind_found := 0) = 0 THEN ? END");
        for (int i = 1; i < columns.size(); i++) {
            values.append(", ?");
        }
        List<String> set = update.isEmpty() ? List.of(lookup.get(0)) : update;
        String first = set.get(0);
        String assignments = first + " = IF((@bind_found := 1) = 1, VALUES(" + first + "), " + first + ")"
                + set.stream().skip(1).map(c -> ", " + c + " = VALUES(" + c + ")").collect(Collectors.joining());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + values
                + ") ON DUPLICATE KEY UPDATE " + assignments;
        String where = lookup.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        String select = "SELECT *, (@bind_found = 0) AS " + INSERTED_COLUMN + " FROM " + table + " WHERE " + where;
        return new UpsertStatement(sql, select);
    }
}
