package dev.binds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The binds of an application: the named ones from configuration, {@code default} first among
 * them, plus binds created at run time from a URL (one per tenant database, say), cached per URL,
 * bounded, and closed least recently used first. Closing the manager closes every pool; so does
 * the JVM's shutdown, or the manager becoming unreachable, if nobody closed it before.
 *
 * <pre>{@code
 * try (BindManager binds = BindManager.builder().add(primary).add(orders).build()) {
 *     binds.bind("orders").useTransaction(s -> s.update("delete from carts where stale"));
 *     Bind tenant = binds.forUrl("jdbc:postgresql://db/tenant_42");
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BindManager implements AutoCloseable {

    /** Default bound on run-time binds kept open: {@value}. */
    public static final int DEFAULT_MAX_RUNTIME_BINDS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(BindManager.class);
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "bind-manager-cleaner");
        t.setDaemon(true);
        return t;
    });

    private final ManagerState state;
    private final Cleaner.Cleanable cleanable;

    private BindManager(Builder b) {
        ScheduledThreadPoolExecutor housekeeping = Housekeeping.newExecutor();
        BindListener listener = BindListener.of(b.listeners);
        this.state = new ManagerState(housekeeping);
        try {
            Map<String, Bind> named = new LinkedHashMap<>();
            for (BindConfig config : b.configs.values()) {
                named.put(config.name(), new Bind(config, listener, housekeeping, b.entities));
            }
            state.setNamed(named, b.configs.size() == 1 ? named.values().iterator().next() : named.get(BindConfig.DEFAULT_NAME));
            state.setRuntime(new RuntimeBinds(b.runtimeTemplate, b.maxRuntimeBinds, listener, housekeeping, b.entities));
        } catch (RuntimeException e) {
            state.closeQuietly(e);
            throw e;
        }
        ShutdownHook.register(state);
        this.cleanable = CLEANER.register(this, state::closeFromCleaner);
    }

    /**
     * @param config the one bind, also reachable as {@code default}
     * @return a manager with that bind
     */
    public static BindManager of(BindConfig config) {
        return builder().add(config).build();
    }

    /** @return a manager with these binds; the one named {@code default}, if any, is the default */
    public static BindManager of(Collection<BindConfig> configs) {
        Builder b = builder();
        configs.forEach(b::add);
        return b.build();
    }

    /** @return a builder for a manager */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param name a configured bind's name
     * @return the bind
     * @throws NoSuchBindException listing the configured names when there is none by that name
     */
    public Bind bind(String name) {
        return state.named(name);
    }

    /** @return the bind named {@code default}, or the only bind */
    public Bind defaultBind() {
        return state.named(BindConfig.DEFAULT_NAME);
    }

    /** @return the configured binds by name, in configuration order (run-time binds are not among them) */
    public Map<String, Bind> binds() {
        return state.namedBinds();
    }

    /** @return a new session on the named bind; see {@link Bind#openSession()} */
    public BindSession openSession(String name) {
        return bind(name).openSession();
    }

    /** @return a new session on the default bind */
    public BindSession openSession() {
        return defaultBind().openSession();
    }

    /**
     * The bind for a database known only at run time. One bind per URL is created, once, even when
     * many threads ask at the same moment; later calls return it. It takes its settings (credentials,
     * pool, session) from the builder's {@link Builder#runtimeTemplate(BindConfig) template}.
     *
     * @param url a JDBC URL
     * @return the cached or new bind
     */
    public Bind forUrl(String url) {
        return state.runtime().forUrl(url);
    }

    /**
     * Closes and forgets the run-time bind of a URL; the next {@link #forUrl(String)} makes a new pool.
     *
     * @return whether there was one
     */
    public boolean invalidate(String url) {
        return state.runtime().invalidate(url);
    }

    /** @return how many run-time binds are open */
    public int runtimeBindCount() {
        return state.runtimeCount();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return state.isClosed();
    }

    /**
     * Closes every pool, run-time binds included. Idempotent and safe to call from several threads;
     * failures to close are collected into one exception.
     */
    @Override
    public void close() {
        state.close();
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "BindManager" + state.namedBinds().keySet();
    }

    /**
     * Builds a {@link BindManager}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final Map<String, BindConfig> configs = new LinkedHashMap<>();
        private final List<BindListener> listeners = new ArrayList<>();
        private BindConfig runtimeTemplate;
        private int maxRuntimeBinds = DEFAULT_MAX_RUNTIME_BINDS;
        private EntityModel entities = EntityModel.NONE;

        private Builder() {
        }

        /** Adds a named bind; names must be unique. */
        public Builder add(BindConfig config) {
            Objects.requireNonNull(config, "config");
            if (configs.putIfAbsent(config.name(), config) != null) {
                throw new BindConfigurationException(config.name(), "Bind '" + config.name() + "' is configured twice");
            }
            return this;
        }

        /** Adds a listener called for every bind's pool and sessions, run-time binds included. */
        public Builder listener(BindListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param template settings for run-time binds: credentials, pool, session; its URL is replaced
         *                 by the one given to {@link BindManager#forUrl(String)}
         */
        public Builder runtimeTemplate(BindConfig template) {
            this.runtimeTemplate = template;
            return this;
        }

        /** @param model maps entity classes to tables for every bind's entity operations */
        public Builder entityModel(EntityModel model) {
            this.entities = Objects.requireNonNull(model, "model");
            return this;
        }

        /** @param max how many run-time binds stay open at most (least recently used closed first) */
        public Builder maxRuntimeBinds(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRuntimeBinds must be at least 1, was " + max);
            }
            this.maxRuntimeBinds = max;
            return this;
        }

        public BindManager build() {
            return new BindManager(this);
        }
    }

    static Logger log() {
        return LOG;
    }
}
