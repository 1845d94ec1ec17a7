package dev.binds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** One table as the metadata describes it, with its names already quoted for the dialect. */
final class TableInfo {

    private final String bindName;
    private final String requested;
    private final String sqlName;
    private final Map<String, String> columns;
    private final List<String> primaryKey;
    private final Dialect dialect;
    /** Statements built for this table, by the shape of the call (which columns, which are null). */
    private final Map<String, Object> statements = new ConcurrentHashMap<>();

    TableInfo(String bindName, String requested, String sqlName, Map<String, String> columns, List<String> primaryKey,
              Dialect dialect) {
        this.bindName = bindName;
        this.requested = requested;
        this.sqlName = sqlName;
        this.columns = Map.copyOf(columns);
        this.primaryKey = List.copyOf(primaryKey);
        this.dialect = dialect;
    }

    /**
     * A statement built once per shape of call and kept: building checks and quotes every name, which
     * a repeated call with the same columns need not do again.
     *
     * @param key   the call's shape
     * @param build builds the statement the first time
     * @return the statement
     */
    @SuppressWarnings("unchecked")
    <T> T statement(String key, Function<String, T> build) {
        return (T) statements.computeIfAbsent(key, build);
    }

    /** @return the table's name, quoted, ready for SQL */
    String sqlName() {
        return sqlName;
    }

    /** @return the primary key's columns, unquoted, in key order */
    List<String> primaryKey() {
        if (primaryKey.isEmpty()) {
            throw new UnknownIdentifierException(bindName, "Bind '" + bindName + "': table '" + requested
                    + "' has no primary key; use getOne with the columns that identify a row");
        }
        return primaryKey;
    }

    /** @return the quoted column for a caller's column name, checked against the metadata */
    String column(String name) {
        String actual = columns.get(name.toLowerCase(Locale.ROOT));
        if (actual == null) {
            throw new UnknownIdentifierException(bindName, "Bind '" + bindName + "': table '" + requested
                    + "' has no column '" + name + "'. Its columns are " + columns.values());
        }
        return dialect.quote(actual);
    }

    /** @return the quoted columns for the keys of a map, in its order */
    List<String> columns(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(column(n));
        }
        return out;
    }
}
