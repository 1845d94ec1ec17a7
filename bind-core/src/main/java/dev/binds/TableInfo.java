package dev.binds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One table as the metadata describes it, with its names already quoted for the dialect. */
final class TableInfo {

    private final String bindName;
    private final String requested;
    private final String sqlName;
    private final Map<String, String> columns;
    private final List<String> primaryKey;
    private final Dialect dialect;

    TableInfo(String bindName, String requested, String sqlName, Map<String, String> columns, List<String> primaryKey,
              Dialect dialect) {
        this.bindName = bindName;
        this.requested = requested;
        this.sqlName = sqlName;
        this.columns = Map.copyOf(columns);
        this.primaryKey = List.copyOf(primaryKey);
        this.dialect = dialect;
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
