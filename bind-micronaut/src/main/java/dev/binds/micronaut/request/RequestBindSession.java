package dev.binds.micronaut.request;

import dev.binds.Bind;
import dev.binds.BindSession;
import dev.binds.CreateResult;
import dev.binds.CursorPage;
import dev.binds.Page;
import dev.binds.Query;
import dev.binds.Row;
import dev.binds.RowMapper;
import dev.binds.SessionCallback;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.context.ServerRequestContext;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code @Named("x") BindSession} injects: one object per bind, created at start-up, that on every
 * call works on the current HTTP request's session of its bind, opening it on first use. So a controller
 * or a singleton service holds it like any bean, and each request still gets its own unit of work.
 *
 * <p>This does what a {@code @RequestScope} proxy would, without a proxy class; and where there is no
 * request it fails with {@link OutsideRequestException}, whose message points to
 * {@code Bind.inTransaction} / {@code Bind.withSession}, instead of Micronaut's "No request present".
 *
 * @since 0.1.0
 */
@Internal
public final class RequestBindSession implements BindSession {

    private final Bind bind;

    /** @param bind the bind whose request sessions this reaches */
    public RequestBindSession(Bind bind) {
        this.bind = bind;
    }

    /** @return the current request's session on the bind, opened now if needed */
    private BindSession current() {
        RequestSessions unit = RequestSessions.current();
        if (unit == null) {
            throw outsideRequest();
        }
        return unit.session(bind);
    }

    private OutsideRequestException outsideRequest() {
        String name = bind.name();
        String where = ServerRequestContext.currentRequest().isPresent()
                ? "in an HTTP request that BindRequestFilter did not see, so nothing would commit its work"
                : "outside an HTTP request (a scheduled job, a message consumer, a start-up hook?)";
        return new OutsideRequestException(name, "Bind '" + name + "': @Named(\"" + name + "\") BindSession is "
                + "request-scoped and was used " + where + ". Inject @Named(\"" + name + "\") Bind instead and use "
                + "bind.inTransaction(session -> ...) or bind.withSession(session -> ...), which work everywhere");
    }

    @Override
    public Bind bind() {
        return bind;
    }

    @Override
    public String bindName() {
        return bind.name();
    }

    @Override
    public Connection connection() {
        return current().connection();
    }

    @Override
    public boolean hasConnection() {
        return current().hasConnection();
    }

    @Override
    public boolean isClosed() {
        return current().isClosed();
    }

    @Override
    public List<Row> query(String sql, Object... params) {
        return current().query(sql, params);
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return current().query(sql, mapper, params);
    }

    @Override
    public Optional<Row> queryOne(String sql, Object... params) {
        return current().queryOne(sql, params);
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        return current().queryOne(sql, mapper, params);
    }

    @Override
    public int update(String sql, Object... params) {
        return current().update(sql, params);
    }

    @Override
    public int[] batch(String sql, List<Object[]> rows) {
        return current().batch(sql, rows);
    }

    @Override
    public Row getOne(String table, Map<String, ?> where) {
        return current().getOne(table, where);
    }

    @Override
    public Optional<Row> getByPk(String table, Object id) {
        return current().getByPk(table, id);
    }

    @Override
    public CreateResult<Row> getOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults) {
        return current().getOrCreate(table, lookup, defaults);
    }

    @Override
    public CreateResult<Row> updateOrCreate(String table, Map<String, ?> lookup, Map<String, ?> defaults,
                                            Map<String, ?> createDefaults) {
        return current().updateOrCreate(table, lookup, defaults, createDefaults);
    }

    @Override
    public List<Row> find(String table, Query query) {
        return current().find(table, query);
    }

    @Override
    public Page<Row> findPage(String table, Query query, int page, int size) {
        return current().findPage(table, query, page, size);
    }

    @Override
    public CursorPage<Row> findCursor(String table, Query query) {
        return current().findCursor(table, query);
    }

    @Override
    public void commit() {
        current().commit();
    }

    @Override
    public void rollback() {
        current().rollback();
    }

    @Override
    public Savepoint savepoint() {
        return current().savepoint();
    }

    @Override
    public void rollbackTo(Savepoint savepoint) {
        current().rollbackTo(savepoint);
    }

    @Override
    public void release(Savepoint savepoint) {
        current().release(savepoint);
    }

    @Override
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X {
        return current().inTransaction(work);
    }

    /**
     * Ends the request's unit of work on this bind now: rolls back what was not committed and releases the
     * connection. Using the session again in the same request opens a new one.
     */
    @Override
    public void close() {
        current().close();
    }

    @Override
    public String toString() {
        return "RequestBindSession[" + bind.name() + "]";
    }
}
