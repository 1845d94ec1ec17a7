package dev.binds;

import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL: {@code ON CONFLICT} for both row helpers, {@code xmax = 0} to tell an insert from an update. */
final class PostgresDialect extends Dialect {

    PostgresDialect() {
        super("postgresql", "org.postgresql.Driver");
    }

    @Override
    public String lockingReadClause() {
        return " FOR SHARE";
    }

    @Override
    protected String insertIfAbsentReturning(String table, List<String> columns) {
        return insertInto(table, columns) + " ON CONFLICT DO NOTHING RETURNING *";
    }

    @Override
    protected String insertReturning(String table, List<String> columns) {
        return insertInto(table, columns) + " RETURNING *";
    }

    @Override
    protected UpsertStatement upsert(String table, List<String> columns, List<String> lookup, List<String> update) {
        List<String> set = update.isEmpty() ? List.of(lookup.get(0)) : update;
        String assignments = set.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return new UpsertStatement(insertInto(table, columns) + " ON CONFLICT (" + String.join(", ", lookup)
                + ") DO UPDATE SET " + assignments + " RETURNING *, (xmax = 0) AS " + INSERTED_COLUMN, null);
    }
}
