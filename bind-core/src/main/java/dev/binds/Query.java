package dev.binds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code find} selects from a table: equality filters, ordering, a limit, and for cursor
 * (keyset) pagination the key of the row to continue after or before. Immutable; each method
 * returns a new query. Column names are checked against the table's metadata when the query runs.
 *
 * <pre>{@code
 * Query open = Query.where(Map.of("status", "open")).orderBy("created_at", Query.Direction.DESC).limit(20);
 * CursorPage<Row> first = session.findCursor("orders", open);
 * CursorPage<Row> next = session.findCursor("orders", open.after(first.lastKey()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Query {

    /** Sort direction of one column. */
    public enum Direction { ASC, DESC }

    /**
     * One ordering column.
     *
     * @param column    the column (or, for entities, the property)
     * @param direction its direction
     */
    public record Order(String column, Direction direction) {
    }

    private static final Query ALL = new Query(Map.of(), List.of(), 0, null, false);

    private final Map<String, Object> filters;
    private final List<Order> order;
    private final int limit;
    private final Map<String, Object> cursor;
    private final boolean before;

    private Query(Map<String, Object> filters, List<Order> order, int limit, Map<String, Object> cursor, boolean before) {
        this.filters = filters;
        this.order = order;
        this.limit = limit;
        this.cursor = cursor;
        this.before = before;
    }

    /** @return a query for every row */
    public static Query all() {
        return ALL;
    }

    /** @param equals column to value; {@code null} values match {@code IS NULL} @return a query with those filters */
    public static Query where(Map<String, ?> equals) {
        return new Query(copy(equals), List.of(), 0, null, false);
    }

    /** @return this query with one more equality filter */
    public Query and(String column, Object value) {
        Map<String, Object> f = new LinkedHashMap<>(filters);
        f.put(column, value);
        return new Query(java.util.Collections.unmodifiableMap(f), order, limit, cursor, before);
    }

    /** @return this query ordered also by {@code column}, ascending */
    public Query orderBy(String column) {
        return orderBy(column, Direction.ASC);
    }

    /** @return this query ordered also by {@code column} */
    public Query orderBy(String column, Direction direction) {
        List<Order> o = new ArrayList<>(order);
        o.add(new Order(column, direction));
        return new Query(filters, List.copyOf(o), limit, cursor, before);
    }

    /** @param max the most rows to return; 0 for no limit @return this query with that limit */
    public Query limit(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("limit must be 0 (none) or more, was " + max);
        }
        return new Query(filters, order, max, cursor, before);
    }

    /**
     * @param key the ordering columns' values of a row, as {@link CursorPage#lastKey()} gives them
     * @return this query continued after that row
     */
    public Query after(Map<String, ?> key) {
        return new Query(filters, order, limit, copy(key), false);
    }

    /**
     * @param key the ordering columns' values of a row, as {@link CursorPage#firstKey()} gives them
     * @return this query continued backwards, before that row (results still in the query's order)
     */
    public Query before(Map<String, ?> key) {
        return new Query(filters, order, limit, copy(key), true);
    }

    public Map<String, Object> filters() {
        return filters;
    }

    public List<Order> order() {
        return order;
    }

    public int limit() {
        return limit;
    }

    /** @return the cursor key, or {@code null} */
    public Map<String, Object> cursor() {
        return cursor;
    }

    /** @return whether the cursor is continued backwards */
    public boolean isBefore() {
        return before;
    }

    /** @return a copy of this query whose column names are mapped, e.g. from entity properties to columns */
    public Query mapColumns(java.util.function.UnaryOperator<String> mapping) {
        Map<String, Object> f = new LinkedHashMap<>();
        filters.forEach((k, v) -> f.put(mapping.apply(k), v));
        List<Order> o = order.stream().map(x -> new Order(mapping.apply(x.column()), x.direction())).toList();
        Map<String, Object> c = null;
        if (cursor != null) {
            c = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : cursor.entrySet()) {
                c.put(mapping.apply(e.getKey()), e.getValue());
            }
        }
        return new Query(java.util.Collections.unmodifiableMap(f), o, limit,
                c == null ? null : java.util.Collections.unmodifiableMap(c), before);
    }

    private static Map<String, Object> copy(Map<String, ?> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m == null ? Map.of() : m));
    }

    @Override
    public String toString() {
        return "Query[filters=" + filters.keySet() + ", order=" + order + ", limit=" + limit
                + (cursor != null ? (before ? ", before=" : ", after=") + cursor.keySet() : "") + "]";
    }
}
