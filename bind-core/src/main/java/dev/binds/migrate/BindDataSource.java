package dev.binds.migrate;

import dev.binds.Bind;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The bind's pool as Flyway sees it, looked up on every {@link #getConnection()}: creating a migrator
 * does not start a lazy bind's pool, and a closed bind fails with its own {@code BindClosedException}.
 * Flyway switches each connection to auto-commit while it holds it and restores the pool's
 * {@code autoCommit=false} before returning it.
 */
final class BindDataSource implements DataSource {

    private final Bind bind;

    BindDataSource(Bind bind) {
        this.bind = bind;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind.dataSource().getConnection(); // a closed bind throws BindClosedException here
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Bind '" + bind.name() + "' connects with its configured user");
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
        // the pool's connection-timeout applies
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("SLF4J, not java.util.logging");
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
}
