package dev.binds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session of a {@link Bind}: a connection taken on first use, statements with bound parameters,
 * nested transactions as savepoints. Not thread-safe, by design: one unit of work, one thread at a time.
 */
final class DefaultBindSession implements BindSession {

    private static final RowMapper<Row> ROW = Row::read;

    private final Bind bind;
    private final SessionSettings settings;
    private final int timeoutSeconds;
    private final long openedAt = System.nanoTime();
    private final RowOperations rows;
    private final RowQueries queries;
    /** A read-only session on a database that cannot enforce it (H2) ends every transaction with a rollback. */
    private final boolean neverCommits;
    private Connection connection;
    /** Whether a statement ran since the last commit or rollback, so ending the transaction costs a round trip. */
    private boolean dirty;
    private boolean lastCommitted = true;
    private int depth;
    private boolean closed;

    DefaultBindSession(Bind bind, SessionSettings settings) {
        this.bind = bind;
        this.settings = settings;
        this.timeoutSeconds = settings.timeoutSeconds();
        this.rows = new RowOperations(this);
        this.queries = new RowQueries(this);
        this.neverCommits = settings.readOnly() && !bind.dialect().enforcesReadOnly();
    }

    @Override
    public Bind bind() {
        return bind;
    }

    @Override
    public Connection connection() {
        Connection c = acquire();
        dirty = true;
        return c;
    }

    @Override
    public boolean hasConnection() {
        return connection != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public List<Row> query(String sql, Object... params) {
        return query(sql, ROW, params);
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate(bind, sql, e);
        }
    }

    @Override
    public Optional<Row> queryOne(String sql, Object... params) {
        return queryOne(sql, ROW, params);
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        // No setMaxRows(2): the MariaDB driver would rewrite every such statement as
        // SET STATEMENT SQL_SELECT_LIMIT=2 FOR ... (measured in bind-bench); reading two rows is enough.
        try (PreparedStatement ps = prepare(sql, params)) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                T first = mapper.map(rs);
                if (rs.next()) {
                    throw new NonUniqueResultException(bind.name(), "Bind '" + bind.name()
                            + "': expected at most one row, got several from: " + sql);
                }
                return Optional.ofNullable(first);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(bind, sql, e);
        }
    }

    @Override
    public int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate(bind, sql, e);
        }
    }

    @Override
    public int[] batch(String sql, List<Object[]> paramRows) {
        try (PreparedStatement ps = prepare(sql)) {
            for (Object[] params : paramRows) {
                bindParams(ps, params);
                ps.addBatch();
            }
            return ps.executeBatch();
        } catch (SQLException e) {
            throw SqlErrors.translate(bind, sql, e);
        }
    }

    @Override
    public Row getOne(String table, Map<String, ?> where) {
        return rows.getOne(table, where);
    }

    @Override
    public Optional<Row> getByPk(String table, Object id) {
        return rows.getByPk(table, id);
    }

    @Override
    public CreateResult<Row> getOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults) {
        CreateResult<Row> result = rows.getOrCreate(table, lookup, defaults);
        bind.listener().rowCreated(bind, result.created());
        return result;
    }

    @Override
    public CreateResult<Row> updateOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults,
                                            Map<String, ?> createDefaults) {
        CreateResult<Row> result = rows.updateOrCreate(table, lookup, defaults, createDefaults);
        bind.listener().rowCreated(bind, result.created());
        return result;
    }

    @Override
    public List<Row> find(String table, Query query) {
        return queries.find(table, query);
    }

    @Override
    public Page<Row> findPage(String table, Query query, int page, int size) {
        return queries.page(table, query, page, size);
    }

    @Override
    public CursorPage<Row> findCursor(String table, Query query) {
        return queries.cursor(table, query);
    }

    @Override
    public void commit() {
        ensureOpen();
        if (connection == null || !dirty) {
            return;
        }
        if (neverCommits) {
            rollback();
            return;
        }
        try {
            connection.commit();
            dirty = false;
            lastCommitted = true;
            bind.listener().committed(bind);
        } catch (SQLException e) {
            dirty = false;
            lastCommitted = false;
            rollbackQuietly();
            throw SqlErrors.translate(bind, "COMMIT", e);
        }
    }

    @Override
    public void rollback() {
        ensureOpen();
        if (connection == null || !dirty) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw SqlErrors.translate(bind, "ROLLBACK", e);
        } finally {
            dirty = false;
            lastCommitted = false;
            bind.listener().rolledBack(bind);
        }
    }

    @Override
    public Savepoint savepoint() {
        try {
            Connection c = acquire();
            dirty = true;
            return c.setSavepoint();
        } catch (SQLException e) {
            throw SqlErrors.translate(bind, "SAVEPOINT", e);
        }
    }

    @Override
    public void rollbackTo(Savepoint savepoint) {
        requireConnection("roll back to a savepoint");
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw SqlErrors.translate(bind, "ROLLBACK TO SAVEPOINT", e);
        }
    }

    @Override
    public void release(Savepoint savepoint) {
        requireConnection("release a savepoint");
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw SqlErrors.translate(bind, "RELEASE SAVEPOINT", e);
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X {
        ensureOpen();
        if (depth > 0) {
            return inSavepoint(work);
        }
        depth++;
        boolean ok = false;
        try {
            R result = work.withSession(this);
            depth--;
            commit();
            ok = true;
            return result;
        } finally {
            if (!ok) {
                if (depth > 0) {
                    depth--;
                }
                rollbackQuietly();
            }
        }
    }

    private <R, X extends Exception> R inSavepoint(SessionCallback<R, X> work) throws X {
        Savepoint sp = savepoint();
        depth++;
        try {
            R result = work.withSession(this);
            release(sp);
            return result;
        } catch (Exception | Error e) {
            try {
                rollbackTo(sp);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            depth--;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        try {
            if (connection != null) {
                if (dirty) {
                    try {
                        connection.rollback();
                        lastCommitted = false;
                        bind.listener().rolledBack(bind);
                    } catch (SQLException e) {
                        failure = SqlErrors.translate(bind, "ROLLBACK", e);
                    }
                }
                try {
                    ConnectionSetup.beforeRelease(bind, settings, connection);
                } catch (SQLException e) {
                    // the pool must not lend a connection still read-only: make it discard this one
                    bind.pool().evictConnection(connection);
                }
                try {
                    connection.close();
                } catch (SQLException | RuntimeException e) {
                    // HikariCP may throw a RuntimeException closing a connection it evicted
                    RuntimeException closing = e instanceof SQLException sql
                            ? SqlErrors.translate(bind, "closing the connection", sql) : (RuntimeException) e;
                    if (failure == null) {
                        failure = closing;
                    } else {
                        failure.addSuppressed(closing);
                    }
                }
            }
        } finally {
            connection = null;
            bind.sessionClosed();
            bind.listener().sessionClosed(bind, lastCommitted, System.nanoTime() - openedAt);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "BindSession[" + bind.name() + (closed ? ", closed" : connection != null ? ", connected" : "") + "]";
    }

    /** Prepares a statement on the session's connection, with the session's timeout and fetch size. */
    PreparedStatement prepare(String sql, Object... params) throws SQLException {
        Connection c = acquire();
        dirty = true;
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            if (timeoutSeconds > 0) {
                ps.setQueryTimeout(timeoutSeconds);
            }
            if (settings.fetchSize() != null) {
                ps.setFetchSize(settings.fetchSize());
            }
            bindParams(ps, params);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    static void bindParams(PreparedStatement ps, Object[] params) throws SQLException {
        if (params == null) {
            return;
        }
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private Connection acquire() {
        ensureOpen();
        if (connection == null) {
            connection = ConnectionSetup.open(bind, settings);
            bind.listener().sessionOpened(bind);
        }
        return connection;
    }

    private void requireConnection(String what) {
        ensureOpen();
        if (connection == null) {
            throw new SessionStateException(bind.name(), "Bind '" + bind.name() + "': cannot " + what
                    + ": the session has no transaction yet");
        }
    }

    private void rollbackQuietly() {
        if (connection != null && dirty) {
            try {
                connection.rollback();
                bind.listener().rolledBack(bind);
            } catch (SQLException ignored) {
                // the connection is broken; the pool discards it on close
            }
            dirty = false;
            lastCommitted = false;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new BindClosedException(bind.name(), "Bind '" + bind.name() + "': this session is closed; "
                    + "open a new one with bind.openSession()");
        }
    }
}
