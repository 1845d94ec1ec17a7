package dev.binds;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of a result: column labels in result order, looked up without regard to case (H2 reports
 * {@code NAME} where PostgreSQL reports {@code name}). Immutable.
 *
 * @since 0.1.0
 */
public final class Row {

    private final Map<String, Object> values;
    private final Map<String, String> labels;

    private Row(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
        Map<String, String> byLower = new HashMap<>(values.size() * 2);
        for (String label : values.keySet()) {
            byLower.putIfAbsent(label.toLowerCase(Locale.ROOT), label);
        }
        this.labels = byLower;
    }

    /**
     * @param values column label to value, in order
     * @return a row holding a copy of them
     */
    public static Row of(Map<String, ?> values) {
        return new Row(new LinkedHashMap<>(values));
    }

    /** Reads the current row of a result set, skipping the internal column an upsert may add. */
    static Row read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        Map<String, Object> values = new LinkedHashMap<>(n * 2);
        for (int i = 1; i <= n; i++) {
            String label = md.getColumnLabel(i);
            if (!Dialect.INSERTED_COLUMN.equalsIgnoreCase(label)) {
                values.put(label, rs.getObject(i));
            }
        }
        return new Row(values);
    }

    /** @return whether the row has that column */
    public boolean has(String column) {
        return labels.containsKey(column.toLowerCase(Locale.ROOT));
    }

    /**
     * @param column the column label, any case
     * @return its value, possibly {@code null}
     * @throws UnknownIdentifierException when the row has no such column
     */
    public Object get(String column) {
        String label = labels.get(column.toLowerCase(Locale.ROOT));
        if (label == null) {
            throw new UnknownIdentifierException(null, "Row has no column '" + column + "'; it has " + values.keySet());
        }
        return values.get(label);
    }

    /** @return the value as a string, or {@code null} */
    public String getString(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    /** @return the value as a long, or {@code null} */
    public Long getLong(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    /** @return the value as an int, or {@code null} */
    public Integer getInt(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).intValue();
    }

    /** @return the column labels in result order */
    public Set<String> columns() {
        return values.keySet();
    }

    /** @return label to value, in result order, unmodifiable */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Row" + values;
    }
}
