package dev.binds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code find} for a session: equality filters, ordering, offset pages with a total, and keyset
 * (cursor) pages. A cursor query is ordered by its columns plus the primary key, so the key of a
 * row identifies one position; its condition is spelled out per column, so mixed directions work.
 */
final class RowQueries {

    private final DefaultBindSession session;

    RowQueries(DefaultBindSession session) {
        this.session = session;
    }

    List<Row> find(String table, Query query) {
        TableInfo t = info(table);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = select(t, "*", query.filters(), params);
        appendOrder(sql, t, query.order(), false);
        if (query.limit() > 0) {
            sql.append(" LIMIT ").append(query.limit());
        }
        return session.query(sql.toString(), params.toArray());
    }

    Page<Row> page(String table, Query query, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more, were " + page + " and " + size);
        }
        TableInfo t = info(table);
        List<Object> params = new ArrayList<>();
        StringBuilder count = select(t, "COUNT(*) AS total_", query.filters(), params);
        long total = session.queryOne(count.toString(), params.toArray()).orElseThrow().getLong("total_");
        params.clear();
        StringBuilder sql = select(t, "*", query.filters(), params);
        appendOrder(sql, t, withKey(t, query.order()), false);
        sql.append(" LIMIT ").append(size).append(" OFFSET ").append((long) page * size);
        return new Page<>(session.query(sql.toString(), params.toArray()), page, size, total);
    }

    CursorPage<Row> cursor(String table, Query query) {
        if (query.limit() < 1) {
            throw new IllegalArgumentException("a cursor page needs a limit: query.limit(n)");
        }
        TableInfo t = info(table);
        List<Query.Order> order = withKey(t, query.order());
        boolean backwards = query.cursor() != null && query.isBefore();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = select(t, "*", query.filters(), params);
        if (query.cursor() != null) {
            sql.append(query.filters().isEmpty() ? " WHERE " : " AND ").append(keyset(t, order, query.cursor(), backwards, params));
        }
        appendOrder(sql, t, order, backwards);
        sql.append(" LIMIT ").append(query.limit() + 1);
        List<Row> rows = new ArrayList<>(session.query(sql.toString(), params.toArray()));
        boolean more = rows.size() > query.limit();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new CursorPage<>(List.of(), null, null, false);
        }
        return new CursorPage<>(List.copyOf(rows), key(order, rows.get(0)), key(order, rows.get(rows.size() - 1)), more);
    }

    private StringBuilder select(TableInfo t, String what, Map<String, Object> filters, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT ").append(what).append(" FROM ").append(t.sqlName());
        if (!filters.isEmpty()) {
            StringJoiner and = new StringJoiner(" AND ", " WHERE ", "");
            for (Map.Entry<String, Object> e : filters.entrySet()) {
                if (e.getValue() == null) {
                    and.add(t.column(e.getKey()) + " IS NULL");
                } else {
                    and.add(t.column(e.getKey()) + " = ?");
                    params.add(e.getValue());
                }
            }
            sql.append(and);
        }
        return sql;
    }

    private static void appendOrder(StringBuilder sql, TableInfo t, List<Query.Order> order, boolean reversed) {
        if (order.isEmpty()) {
            return;
        }
        StringJoiner by = new StringJoiner(", ", " ORDER BY ", "");
        for (Query.Order o : order) {
            boolean desc = (o.direction() == Query.Direction.DESC) != reversed;
            by.add(t.column(o.column()) + (desc ? " DESC" : " ASC"));
        }
        sql.append(by);
    }

    /** The ordering plus any primary key column not yet in it, so that every row has one position. */
    private static List<Query.Order> withKey(TableInfo t, List<Query.Order> order) {
        List<Query.Order> full = new ArrayList<>(order);
        for (String pk : t.primaryKey()) {
            if (full.stream().noneMatch(o -> o.column().equalsIgnoreCase(pk))) {
                full.add(new Query.Order(pk, Query.Direction.ASC));
            }
        }
        return full;
    }

    /** {@code (a > ?) OR (a = ? AND b > ?) …}, with each comparison turned by its column's direction. */
    private String keyset(TableInfo t, List<Query.Order> order, Map<String, Object> cursor, boolean backwards,
                          List<Object> params) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (Query.Order o : order) {
            Object v = cursor.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(o.column()))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "Bind '" + session.bind().name() + "': the cursor needs a value for '" + o.column()
                                    + "'; pass the firstKey() or lastKey() of a CursorPage"));
            key.put(o.column(), v);
        }
        StringJoiner or = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < order.size(); i++) {
            StringJoiner and = new StringJoiner(" AND ", "(", ")");
            for (int j = 0; j < i; j++) {
                and.add(t.column(order.get(j).column()) + " = ?");
                params.add(key.get(order.get(j).column()));
            }
            Query.Order o = order.get(i);
            boolean greater = (o.direction() == Query.Direction.ASC) != backwards;
            and.add(t.column(o.column()) + (greater ? " > ?" : " < ?"));
            params.add(key.get(o.column()));
            or.add(and.toString());
        }
        return or.toString();
    }

    private static Map<String, Object> key(List<Query.Order> order, Row row) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (Query.Order o : order) {
            key.put(o.column(), row.get(o.column()));
        }
        return Collections.unmodifiableMap(key);
    }

    private TableInfo info(String table) {
        return session.bind().tables().table(session.connection(), table);
    }
}
