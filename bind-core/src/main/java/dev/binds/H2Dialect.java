package dev.binds;

import java.sql.SQLException;
import java.util.List;

/** H2 2.x: {@code FINAL TABLE} returns an inserted row; a failed statement leaves the transaction usable. */
final class H2Dialect extends Dialect {

    H2Dialect() {
        super("h2", "org.h2.Driver");
    }

    /** H2 has no read-only transactions ({@code setReadOnly} is a hint). */
    @Override
    public boolean enforcesReadOnly() {
        return false;
    }

    @Override
    public boolean isRetryable(SQLException e) {
        for (SQLException x : causes(e)) {
            // 40001 deadlock, 90131 concurrent update of a row
            if ("40001".equals(x.getSQLState()) || x.getErrorCode() == 90131) {
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
    protected String insertReturning(String table, List<String> columns) {
        return "SELECT * FROM FINAL TABLE (" + insertInto(table, columns) + ")";
    }
}
