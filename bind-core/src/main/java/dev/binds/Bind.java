package dev.binds;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One named database, complete: its HikariCP pool (named after the bind), its dialect, the sessions
 * opened on it and, through {@code dev.binds.migrate.BindMigrator}, its migrations. Thread-safe.
 *
 * <pre>{@code
 * try (Bind orders = Bind.create(config)) {
 *     long count = orders.withSession(s -> s.queryOne("select count(*) as n from orders").orElseThrow().getLong("n"));
 *     orders.useTransaction(s -> s.update("insert into orders(ref) values (?)", "A-1"));
 * }
 * }</pre>
 *
 * <p>A pool is started when the bind is created, or on first use when the configuration says
 * {@code lazy}. Sessions take a connection only when they first need one.
 *
 * @since 0.1.0
 */
public final class Bind implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bind.class);

    private final BindConfig config;
    private final Dialect dialect;
    private final BindListener listener;
    private final EntityModel entities;
    private final ScheduledExecutorService housekeeping;
    private final TableCatalog tables;
    private final AtomicInteger openSessions = new AtomicInteger();
    private final Object poolLock = new Object();
    private volatile HikariDataSource pool;
    private volatile boolean closed;
    private volatile AsyncBind async;

    /** HikariCP's default {@code maximum-pool-size}. */
    private static final int DEFAULT_POOL_SIZE = 10;

    Bind(BindConfig config, BindListener listener, ScheduledExecutorService housekeeping) {
        this(config, listener, housekeeping, EntityModel.NONE);
    }

    Bind(BindConfig config, BindListener listener, ScheduledExecutorService housekeeping, EntityModel entities) {
        this.config = config;
        this.entities = entities;
        this.dialect = config.dialect();
        this.listener = listener;
        this.housekeeping = housekeeping;
        this.tables = new TableCatalog(this);
        if (!config.lazy()) {
            pool();
        }
    }

    /**
     * Creates a bind on its own, outside any {@link BindManager}; the caller closes it.
     *
     * @param config the bind's configuration
     * @return the bind, its pool started unless the configuration is lazy
     * @throws ConnectionFailedException when an eager pool cannot connect
     * @throws BindConfigurationException when the driver cannot be loaded
     */
    public static Bind create(BindConfig config) {
        return new Bind(config, BindListener.NONE, null);
    }

    /**
     * @param config   the bind's configuration
     * @param listener called when the pool starts and for every session
     * @return the bind
     */
    public static Bind create(BindConfig config, BindListener listener) {
        return new Bind(config, listener, null);
    }

    /**
     * @param config   the bind's configuration
     * @param listener called when the pool starts and for every session
     * @param entities maps entity classes to tables for the sessions' entity operations
     * @return the bind
     */
    public static Bind create(BindConfig config, BindListener listener, EntityModel entities) {
        return new Bind(config, listener, null, entities);
    }

    /** @return the entity model sessions of this bind use for entity operations */
    public EntityModel entities() {
        return entities;
    }

    public String name() {
        return config.name();
    }

    public BindConfig config() {
        return config;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** @return the pool, started now if the bind is lazy and it has not started yet */
    public DataSource dataSource() {
        ensureOpen();
        return pool();
    }

    /** @return whether the pool has started (a lazy bind's pool starts on first use) */
    public boolean isStarted() {
        return pool != null;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /** @return the pool's live state, or {@code null} while a lazy pool has not started */
    public PoolState poolState() {
        HikariDataSource ds = pool;
        if (ds == null || ds.isClosed()) {
            return null;
        }
        HikariPoolMXBean mx = ds.getHikariPoolMXBean();
        return mx == null ? null : new PoolState(mx.getActiveConnections(), mx.getIdleConnections(),
                mx.getThreadsAwaitingConnection(), ds.getMaximumPoolSize());
    }

    /** @return the number of sessions opened on this bind and not yet closed */
    public int openSessions() {
        return openSessions.get();
    }

    /**
     * Opens a unit of work with the bind's session settings. It takes a connection on first use;
     * close it (try-with-resources) to roll back what was not committed and release the connection.
     *
     * @return a new session
     */
    public BindSession openSession() {
        return openSession(config.session());
    }

    /**
     * @param settings settings for this session only, e.g. {@code config().session().asReadOnly()}
     * @return a new session
     */
    public BindSession openSession(SessionSettings settings) {
        ensureOpen();
        openSessions.incrementAndGet();
        return new DefaultBindSession(this, settings);
    }

    /**
     * Runs work in a new session; commits what it leaves uncommitted when it returns, rolls back when
     * it throws, and always releases the connection.
     */
    public <R, X extends Exception> R withSession(SessionCallback<R, X> work) throws X {
        try (BindSession session = openSession()) {
            R result = work.withSession(session);
            session.commit();
            return result;
        }
    }

    /** As {@link #withSession(SessionCallback)}, for work that returns nothing. */
    public <X extends Exception> void useSession(SessionConsumer<X> work) throws X {
        withSession(s -> {
            work.useSession(s);
            return null;
        });
    }

    /** Runs work as one transaction in a new session: commit on return, rollback on any exception. */
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X {
        return inTransaction(RetryPolicy.NONE, work);
    }

    /**
     * Runs work as one transaction, re-running all of it in a new session when the database reports a
     * serialization failure or deadlock, as the policy allows.
     *
     * @throws TransactionRetriesExhaustedException when the last allowed attempt also failed that way
     */
    public <R, X extends Exception> R inTransaction(RetryPolicy policy, SessionCallback<R, X> work) throws X {
        return new TransactionRunner(this, policy).run(work);
    }

    /** As {@link #inTransaction(SessionCallback)}, for work that returns nothing. */
    public <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X {
        inTransaction(s -> {
            work.useSession(s);
            return null;
        });
    }

    /**
     * @return asynchronous units of work on this bind, on an executor no wider than the pool
     */
    public AsyncBind async() {
        AsyncBind a = async;
        if (a != null) {
            return a;
        }
        synchronized (poolLock) {
            ensureOpen();
            if (async == null) {
                Object max = config.pool().get("maximum-pool-size");
                async = new AsyncBind(this, max instanceof Integer n ? n : DEFAULT_POOL_SIZE);
            }
            return async;
        }
    }

    /** Forgets cached table metadata, e.g. after a migration changed the schema. */
    public void refreshMetadata() {
        tables.clear();
    }

    /** Closes the pool; idempotent. Sessions still open fail on their next statement. */
    @Override
    public void close() {
        HikariDataSource ds;
        synchronized (poolLock) {
            if (closed) {
                return;
            }
            closed = true;
            ds = pool;
        }
        if (async != null) {
            async.shutdown();
        }
        if (ds != null) {
            ds.close();
        }
        LOG.debug("Bind '{}' closed", name());
        listener.bindClosed(this);
    }

    @Override
    public String toString() {
        return "Bind[" + name() + ", " + dialect + ", " + config.maskedUrl() + "]";
    }

    BindListener listener() {
        return listener;
    }

    TableCatalog tables() {
        return tables;
    }

    void sessionClosed() {
        openSessions.decrementAndGet();
    }

    HikariDataSource pool() {
        HikariDataSource ds = pool;
        if (ds != null) {
            return ds;
        }
        synchronized (poolLock) {
            ensureOpen();
            if (pool == null) {
                pool = startPool();
            }
            return pool;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new BindClosedException(name(), "Bind '" + name() + "' is closed");
        }
    }

    private HikariDataSource startPool() {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(name());
        hc.setJdbcUrl(config.url());
        hc.setUsername(config.username());
        hc.setPassword(config.password());
        try {
            hc.setDriverClassName(config.driverClassName());
        } catch (RuntimeException e) {
            throw new BindConfigurationException(name(), "Bind '" + name() + "': driver class '" + config.driverClassName()
                    + "' (binds." + name() + ".driver-class-name) was not found. Add the driver to the classpath "
                    + "or correct the class name", e);
        }
        hc.setAutoCommit(false);
        SessionSettings session = config.session();
        if (session.readOnly()) {
            hc.setReadOnly(true);
        }
        if (session.isolation() != null) {
            hc.setTransactionIsolation(session.isolation().hikariName());
        }
        if (housekeeping != null) {
            hc.setScheduledExecutor(housekeeping);
        }
        HikariDataSource ds;
        try {
            config.pool().applyTo(hc);
            listener.configurePool(config, hc);
            ds = new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException e) {
            throw new ConnectionFailedException(name(), "Bind '" + name() + "': cannot connect to "
                    + config.maskedUrl() + ": " + Secrets.scrub(rootMessage(e), config.password())
                    + ". Check binds." + name() + ".url, username and password, and that the database is running",
                    Secrets.scrubbed(e, config.password()));
        } catch (IllegalArgumentException e) {
            throw new BindConfigurationException(name(), "Bind '" + name() + "': invalid pool settings (binds." + name()
                    + ".pool.*): " + Secrets.scrub(e.getMessage(), config.password()), null);
        }
        LOG.debug("Bind '{}' started its pool on {}", name(), config.maskedUrl());
        listener.poolCreated(this);
        return ds;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
