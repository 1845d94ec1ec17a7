package dev.binds;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One unit of work on a bind. The connection is taken from the pool on first use, not before; a
 * transaction begins with the first statement; {@link #commit()} and {@link #rollback()} end it and
 * the next statement begins another. {@link #close()} rolls back what was not committed and returns
 * the connection. SQL takes bound parameters only; table and column names given to the row helpers
 * are checked against the database's metadata and quoted, never spliced in as SQL.
 *
 * <p>A session is used by one thread at a time. To run work asynchronously, run a whole
 * {@link Bind#withSession(SessionCallback)} on an executor no wider than the pool.
 *
 * <pre>{@code
 * try (BindSession s = bind.openSession()) {
 *     CreateResult<Row> user = s.getOrCreate("users", Map.of("email", "a@example.com"), Map.of("name", "Ann"));
 *     s.update("update users set visits = visits + 1 where id = ?", user.value().get("id"));
 *     s.commit();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface BindSession extends AutoCloseable {

    /** @return the bind this session works on */
    Bind bind();

    /** @return the bind's name */
    default String bindName() {
        return bind().name();
    }

    /**
     * The session's connection, taken from the pool now if not yet taken. Work done on it belongs to
     * the session's transaction; do not commit, roll back or close it directly.
     *
     * @return the connection
     */
    Connection connection();

    /** @return whether the session holds a connection */
    boolean hasConnection();

    /** @return whether the session was closed */
    boolean isClosed();

    /** @return every row of a query */
    List<Row> query(String sql, Object... params);

    /** @return every row of a query, mapped */
    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params);

    /**
     * @return the single row of a query, or empty when there is none
     * @throws NonUniqueResultException when there are several
     */
    Optional<Row> queryOne(String sql, Object... params);

    /** As {@link #queryOne(String, Object...)}, mapped. */
    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params);

    /** @return the update count of an insert, update, delete or DDL statement */
    int update(String sql, Object... params);

    /** @return the update counts of one statement run for each parameter row, sent as one batch */
    int[] batch(String sql, List<Object[]> rows);

    /**
     * @param table a table name
     * @param where column to value; every pair must match ({@code null} matches {@code IS NULL})
     * @return the one matching row
     * @throws NoResultException        when none matches
     * @throws NonUniqueResultException when several match
     */
    Row getOne(String table, Map<String, ?> where);

    /**
     * @param table a table with a primary key
     * @param id    the key value; a {@code Map} of column to value for a composite key
     * @return the row, or empty
     */
    Optional<Row> getByPk(String table, Object id);

    /**
     * Finds the row matching {@code lookup}, or inserts {@code lookup} plus {@code defaults}. Safe
     * under concurrency when a unique constraint covers the lookup columns: racing callers get one
     * row, exactly one of them {@code created}, and no error.
     *
     * @return the row and whether this call inserted it
     */
    CreateResult<Row> getOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults);

    /**
     * Updates the row matching {@code lookup} with {@code defaults}, or inserts {@code lookup} plus
     * {@code defaults} plus {@code createDefaults}. Race-safe as {@link #getOrCreate}; needs a unique
     * constraint on the lookup columns.
     *
     * @return the row after the call and whether this call inserted it
     */
    CreateResult<Row> updateOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults,
                                     Map<String, ?> createDefaults);

    /** @return the rows of a table that a query selects */
    List<Row> find(String table, Query query);

    /**
     * @param page the page number, from 0
     * @param size rows per page
     * @return one page of the rows a query selects, ordered by the query and then the primary key, with the total
     */
    Page<Row> findPage(String table, Query query, int page, int size);

    /**
     * Keyset pagination: the next {@code query.limit()} rows after (or before) the query's cursor,
     * ordered by the query and then the primary key. The ordering columns should not be null.
     *
     * @return the page, with the keys to continue from
     */
    CursorPage<Row> findCursor(String table, Query query);

    // Entity operations: the same, for classes an EntityModel maps (bind-micronaut: @MappedEntity).
    // Lookups, filters and ordering name properties; they are mapped to columns.

    /** @see #getOne(String, Map) */
    default <E> E getOne(Class<E> type, Map<String, ?> where) {
        EntityMapping<E> m = bind().entities().mapping(type);
        return m.fromRow(getOne(m.table(), m.columns(where)));
    }

    /** @see #getByPk(String, Object) */
    default <E> Optional<E> getByPk(Class<E> type, Object id) {
        EntityMapping<E> m = bind().entities().mapping(type);
        Object key = id instanceof Map<?, ?> composite ? m.columns(castMap(composite)) : id;
        return getByPk(m.table(), key).map(m::fromRow);
    }

    /** @see #getOrCreate(String, Map, Map) */
    default <E> CreateResult<E> getOrCreate(Class<E> type, Map<String, ?> lookup, Map<String, ?> defaults) {
        EntityMapping<E> m = bind().entities().mapping(type);
        CreateResult<Row> r = getOrCreate(m.table(), m.columns(lookup), m.columns(defaults));
        return new CreateResult<>(m.fromRow(r.value()), r.created());
    }

    /** @see #updateOrCreate(String, Map, Map, Map) */
    default <E> CreateResult<E> updateOrCreate(Class<E> type, Map<String, ?> lookup, Map<String, ?> defaults,
                                               Map<String, ?> createDefaults) {
        EntityMapping<E> m = bind().entities().mapping(type);
        CreateResult<Row> r = updateOrCreate(m.table(), m.columns(lookup), m.columns(defaults), m.columns(createDefaults));
        return new CreateResult<>(m.fromRow(r.value()), r.created());
    }

    /** @see #find(String, Query) */
    default <E> List<E> find(Class<E> type, Query query) {
        EntityMapping<E> m = bind().entities().mapping(type);
        return find(m.table(), m.query(query)).stream().map(m::fromRow).toList();
    }

    /** @see #findPage(String, Query, int, int) */
    default <E> Page<E> findPage(Class<E> type, Query query, int page, int size) {
        EntityMapping<E> m = bind().entities().mapping(type);
        return findPage(m.table(), m.query(query), page, size).map(m::fromRow);
    }

    /**
     * @see #findCursor(String, Query)
     * @return the page; its keys name columns, and may be passed back to {@code after}/{@code before} as they are
     */
    default <E> CursorPage<E> findCursor(Class<E> type, Query query) {
        EntityMapping<E> m = bind().entities().mapping(type);
        return findCursor(m.table(), m.query(query)).map(m::fromRow);
    }

    /** Commits the current transaction, if any statement ran since the last commit or rollback. */
    void commit();

    /** Rolls back the current transaction, if any statement ran since the last commit or rollback. */
    void rollback();

    /** @return a savepoint in the current transaction */
    Savepoint savepoint();

    /** Rolls back to a savepoint of this session, keeping the transaction. */
    void rollbackTo(Savepoint savepoint);

    /** Releases a savepoint of this session. */
    void release(Savepoint savepoint);

    /**
     * Runs work as a transaction: at the outermost level it commits on return and rolls back on any
     * exception; nested inside another, it runs in a savepoint that is rolled back on exception.
     */
    <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X;

    /** As {@link #inTransaction(SessionCallback)}, for work that returns nothing. */
    default <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X {
        inTransaction(s -> {
            work.useSession(s);
            return null;
        });
    }

    /** Rolls back what was not committed and returns the connection to the pool; idempotent. */
    @Override
    void close();

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }
}
