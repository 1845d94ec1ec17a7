package dev.binds;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The row helpers of a session: {@code getOne}, {@code getByPk}, {@code getOrCreate},
 * {@code updateOrCreate}. Race safety rests on the unique constraint over the lookup columns and on
 * each database's single-statement form: PostgreSQL {@code ON CONFLICT}, MariaDB a plain insert
 * (InnoDB rolls back only the failing statement) and {@code ON DUPLICATE KEY UPDATE}, H2
 * {@code FINAL TABLE}; elsewhere an insert inside a savepoint, retried as an update.
 */
final class RowOperations {

    private static final int UPSERT_ATTEMPTS = 3;
    /** Separates names in statement cache keys; no identifier contains it. */
    private static final String SEPARATOR = "\u0000";

    private final DefaultBindSession session;

    RowOperations(DefaultBindSession session) {
        this.session = session;
    }

    Row getOne(String table, Map<String, ?> where) {
        TableInfo t = info(table);
        List<Row> found = select(t, where, "");
        if (found.isEmpty()) {
            throw new NoResultException(bindName(), "Bind '" + bindName() + "': no row in '" + table + "' where "
                    + where.keySet() + " match the given values");
        }
        if (found.size() > 1) {
            throw new NonUniqueResultException(bindName(), "Bind '" + bindName() + "': more than one row in '" + table
                    + "' where " + where.keySet() + " match the given values; add columns that identify one row");
        }
        return found.get(0);
    }

    Optional<Row> getByPk(String table, Object id) {
        TableInfo t = info(table);
        List<String> pk = t.primaryKey();
        Map<String, Object> where = new LinkedHashMap<>();
        if (id instanceof Map<?, ?> composite) {
            composite.forEach((k, v) -> where.put(String.valueOf(k), v));
            if (!where.keySet().stream().map(String::toLowerCase).sorted().toList()
                    .equals(pk.stream().map(String::toLowerCase).sorted().toList())) {
                throw new UnknownIdentifierException(bindName(), "Bind '" + bindName() + "': the primary key of '" + table
                        + "' is " + pk + ", but the id gave " + where.keySet());
            }
        } else {
            if (pk.size() != 1) {
                throw new UnknownIdentifierException(bindName(), "Bind '" + bindName() + "': the primary key of '" + table
                        + "' has columns " + pk + "; pass the id as a Map of column to value");
            }
            where.put(pk.get(0), id);
        }
        List<Row> found = select(t, where, "");
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    CreateResult<Row> getOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults) {
        TableInfo t = info(table);
        Map<String, Object> values = merge(table, lookup, defaults, Map.of());
        List<Row> found = select(t, lookup, "");
        if (!found.isEmpty()) {
            return new CreateResult<>(single(table, lookup, found), false);
        }
        Row inserted = insertIfAbsent(t, values, lookup);
        if (inserted != null) {
            return new CreateResult<>(inserted, true);
        }
        // Another transaction inserted it first: read the newest committed version.
        found = select(t, lookup, session.bind().dialect().lockingReadClause());
        if (found.isEmpty()) {
            throw conflictElsewhere(table, lookup);
        }
        return new CreateResult<>(single(table, lookup, found), false);
    }

    CreateResult<Row> updateOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults,
                                     Map<String, ?> createDefaults) {
        TableInfo t = info(table);
        Map<String, Object> values = merge(table, lookup, defaults, createDefaults);
        Dialect dialect = session.bind().dialect();
        String key = "U" + names(values) + SEPARATOR + SEPARATOR + names(lookup) + SEPARATOR + SEPARATOR + names(defaults);
        Dialect.UpsertStatement upsert = t.statement(key,
                k -> Optional.ofNullable(dialect.upsert(t.sqlName(), t.columns(values.keySet()),
                        t.columns(lookup.keySet()), t.columns(defaults.keySet())))).orElse(null);
        if (upsert != null && lookup.values().stream().allMatch(v -> v != null)) {
            return nativeUpsert(table, upsert, values, lookup);
        }
        for (int attempt = 0; attempt < UPSERT_ATTEMPTS; attempt++) {
            boolean exists = defaults.isEmpty() ? !select(t, lookup, "").isEmpty() : update(t, defaults, lookup) > 0;
            if (exists) {
                return new CreateResult<>(single(table, lookup, select(t, lookup, "")), false);
            }
            Row inserted = insertIfAbsent(t, values, lookup);
            if (inserted != null) {
                return new CreateResult<>(inserted, true);
            }
        }
        throw conflictElsewhere(table, lookup);
    }

    private CreateResult<Row> nativeUpsert(String table, Dialect.UpsertStatement upsert, Map<String, Object> values,
                                           Map<String, ?> lookup) {
        String sql = upsert.sql();
        try {
            List<Object[]> result;
            if (upsert.selectSql() == null) {
                result = run(sql, values.values().toArray(), true);
            } else {
                run(sql, values.values().toArray(), false);
                sql = upsert.selectSql();
                result = run(sql, lookup.values().toArray(), true);
            }
            if (result.isEmpty()) {
                throw conflictElsewhere(table, lookup);
            }
            if (result.size() > 1) {
                throw new NonUniqueResultException(bindName(), "Bind '" + bindName() + "': updateOrCreate on '" + table
                        + "' matched several rows by " + lookup.keySet() + "; it needs a unique constraint on those columns");
            }
            return new CreateResult<>((Row) result.get(0)[0], (Boolean) result.get(0)[1]);
        } catch (SQLException e) {
            if ("42P10".equals(e.getSQLState())) {
                throw new UnknownIdentifierException(bindName(), "Bind '" + bindName() + "': updateOrCreate on '" + table
                        + "' needs a unique constraint or index on exactly the lookup columns " + lookup.keySet()
                        + "; add one in a migration", e);
            }
            throw SqlErrors.translate(session.bind(), sql, e);
        }
    }

    /** Runs a statement; when {@code rows}, returns each row with its inserted flag as {@code [Row, Boolean]}. */
    private List<Object[]> run(String sql, Object[] params, boolean rows) throws SQLException {
        try (PreparedStatement ps = session.prepare(sql, params)) {
            if (!rows) {
                ps.executeUpdate();
                return List.of();
            }
            List<Object[]> out = new ArrayList<>(1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object flag = rs.getObject(Dialect.INSERTED_COLUMN);
                    if (flag == null) {
                        throw new SessionStateException(bindName(), "Bind '" + bindName() + "': updateOrCreate could not "
                                + "tell whether the row was inserted (the database returned no flag)");
                    }
                    boolean inserted = flag instanceof Boolean b ? b : ((Number) flag).intValue() != 0;
                    out.add(new Object[] {Row.read(rs), inserted});
                }
            }
            return out;
        }
    }

    /**
     * Inserts unless a row with the same unique key exists.
     *
     * @return the inserted row, or {@code null} when a row with that key was already there
     */
    private Row insertIfAbsent(TableInfo t, Map<String, Object> values, Map<String, ?> lookup) {
        Dialect dialect = session.bind().dialect();
        Insert insert = t.statement("I" + names(values), k -> Insert.of(dialect, t, values.keySet()));
        Object[] params = values.values().toArray();
        if (insert.ifAbsent() != null) {
            List<Row> rows = session.query(insert.ifAbsent(), params);
            return rows.isEmpty() ? null : rows.get(0);
        }
        Savepoint sp = dialect.failedStatementAbortsTransaction() ? session.savepoint() : null;
        try {
            Row inserted = null;
            if (insert.returning()) {
                inserted = session.query(insert.sql(), params).get(0);
            } else {
                session.update(insert.sql(), params);
            }
            if (sp != null) {
                session.release(sp);
            }
            return inserted != null ? inserted : single(t.sqlName(), lookup, select(t, lookup, ""));
        } catch (UniqueViolationException e) {
            if (sp != null) {
                session.rollbackTo(sp);
            }
            return null;
        }
    }

    /**
     * How this database inserts a row of some columns: a single insert-if-absent statement, or an insert
     * that fails on a duplicate key and may return the row.
     */
    private record Insert(String ifAbsent, String sql, boolean returning) {
        static Insert of(Dialect dialect, TableInfo t, Iterable<String> names) {
            List<String> columns = t.columns(names);
            String ifAbsent = dialect.insertIfAbsentReturning(t.sqlName(), columns);
            String returning = dialect.insertReturning(t.sqlName(), columns);
            return new Insert(ifAbsent, returning != null ? returning : Dialect.insertInto(t.sqlName(), columns),
                    returning != null);
        }
    }

    private int update(TableInfo t, Map<String, ?> set, Map<String, ?> where) {
        String sql = t.statement("P" + names(set) + SEPARATOR + SEPARATOR + shape(where), k -> {
            StringJoiner assignments = new StringJoiner(", ");
            for (String column : set.keySet()) {
                assignments.add(t.column(column) + " = ?");
            }
            return "UPDATE " + t.sqlName() + " SET " + assignments + " WHERE " + where(t, where);
        });
        List<Object> params = new ArrayList<>(set.values());
        addNonNull(params, where);
        return session.update(sql, params.toArray());
    }

    private List<Row> select(TableInfo t, Map<String, ?> where, String lockClause) {
        String sql = t.statement("S" + lockClause + shape(where),
                k -> "SELECT * FROM " + t.sqlName() + " WHERE " + where(t, where) + lockClause);
        List<Object> params = new ArrayList<>(where.size());
        addNonNull(params, where);
        return session.query(sql, params.toArray());
    }

    /** {@code a = ? AND b IS NULL}: a {@code null} value matches {@code IS NULL} and takes no parameter. */
    private static String where(TableInfo t, Map<String, ?> where) {
        if (where.isEmpty()) {
            throw new IllegalArgumentException("at least one lookup column is needed");
        }
        StringJoiner and = new StringJoiner(" AND ");
        for (Map.Entry<String, ?> e : where.entrySet()) {
            and.add(t.column(e.getKey()) + (e.getValue() == null ? " IS NULL" : " = ?"));
        }
        return and.toString();
    }

    private static void addNonNull(List<Object> params, Map<String, ?> where) {
        for (Object v : where.values()) {
            if (v != null) {
                params.add(v);
            }
        }
    }

    /** The names of a map's keys, in order: part of a statement's cache key. */
    private static String names(Map<String, ?> m) {
        return String.join(SEPARATOR, m.keySet());
    }

    /** The names and which values are null: a condition's cache key, since {@code IS NULL} changes the SQL. */
    private static String shape(Map<String, ?> m) {
        StringBuilder key = new StringBuilder();
        for (Map.Entry<String, ?> e : m.entrySet()) {
            key.append(e.getKey()).append(e.getValue() == null ? "\u0001" : SEPARATOR);
        }
        return key.toString();
    }

    private Row single(String table, Map<String, ?> lookup, List<Row> rows) {
        if (rows.size() > 1) {
            throw new NonUniqueResultException(bindName(), "Bind '" + bindName() + "': more than one row in '" + table
                    + "' where " + lookup.keySet() + " match; add a unique constraint on those columns");
        }
        if (rows.isEmpty()) {
            throw new NoResultException(bindName(), "Bind '" + bindName() + "': no row in '" + table + "' where "
                    + lookup.keySet() + " match the given values");
        }
        return rows.get(0);
    }

    private Map<String, Object> merge(String table, Map<String, ?> lookup, Map<String, ?> defaults,
                                      Map<String, ?> createDefaults) {
        if (lookup == null || lookup.isEmpty()) {
            throw new IllegalArgumentException("Bind '" + bindName() + "': the lookup for '" + table
                    + "' needs at least one column");
        }
        Map<String, Object> values = new LinkedHashMap<>(lookup);
        for (Map<String, ?> extra : List.of(defaults, createDefaults)) {
            for (Map.Entry<String, ?> e : extra.entrySet()) {
                if (values.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(e.getKey()))) {
                    throw new IllegalArgumentException("Bind '" + bindName() + "': column '" + e.getKey() + "' of '"
                            + table + "' is given twice (lookup, defaults, createDefaults must not overlap)");
                }
                values.put(e.getKey(), e.getValue());
            }
        }
        return values;
    }

    private UniqueViolationException conflictElsewhere(String table, Map<String, ?> lookup) {
        return new UniqueViolationException(bindName(), "Bind '" + bindName() + "': could not insert into '" + table
                + "' and no row matches " + lookup.keySet() + ": another unique constraint of the table was violated");
    }

    private TableInfo info(String table) {
        return session.bind().tables().table(session.connection(), table);
    }

    private String bindName() {
        return session.bind().name();
    }
}
