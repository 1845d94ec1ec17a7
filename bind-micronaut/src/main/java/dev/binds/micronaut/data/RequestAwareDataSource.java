package dev.binds.micronaut.data;

import dev.binds.Bind;
import dev.binds.BindSession;
import dev.binds.micronaut.request.RequestSessions;
import io.micronaut.core.annotation.Internal;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A bind's {@link DataSource} bean: what Micronaut Data's repositories, connection operations and
 * {@code DataSourceTransactionManager} of that bind use. Inside an HTTP request it lends the request
 * session's connection (taking it now if the session has none yet), so repository writes and
 * {@code BindSession} writes are one transaction that the request commits or rolls back. Outside a
 * request it lends a plain pool connection switched to auto-commit, which Micronaut Data expects of a
 * connection it was given outside a transaction; HikariCP switches it back when it is returned.
 *
 * <p>It must not extend Micronaut's {@code DelegatingDataSource}: Micronaut Data unwraps those and would
 * go around it, straight to the pool.
 *
 * @since 0.1.0
 */
@Internal
public final class RequestAwareDataSource implements DataSource {

    private final Bind bind;

    /** @param bind the bind whose connections this lends */
    public RequestAwareDataSource(Bind bind) {
        this.bind = bind;
    }

    /** @return the bind whose connections this lends */
    public Bind bind() {
        return bind;
    }

    @Override
    public Connection getConnection() throws SQLException {
        RequestSessions unit = RequestSessions.current();
        if (unit != null) {
            BindSession session = unit.session(bind);
            return new SharedConnection(session.connection(), () -> unit.markRollbackOnly(bind));
        }
        Connection connection = bind.dataSource().getConnection();
        try {
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Bind '" + bind.name() + "' connects as its configured user (binds."
                + bind.name() + ".username)");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the pool logs through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // binds.<name>.pool.connection-timeout applies
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Bind '" + bind.name() + "' logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return bind.dataSource().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || bind.dataSource().isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "RequestAwareDataSource[" + bind.name() + "]";
    }
}
