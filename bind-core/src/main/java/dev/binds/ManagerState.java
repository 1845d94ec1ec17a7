package dev.binds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a {@link BindManager} owns: its binds and the housekeeping executor. Kept apart from the
 * manager so the shutdown hook and the cleaner can close it without keeping the manager alive.
 */
final class ManagerState {

    private final ScheduledThreadPoolExecutor housekeeping;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Map<String, Bind> named = Map.of();
    private Bind defaultBind;
    private RuntimeBinds runtime;

    ManagerState(ScheduledThreadPoolExecutor housekeeping) {
        this.housekeeping = housekeeping;
    }

    void setNamed(Map<String, Bind> binds, Bind defaultBind) {
        this.named = Collections.unmodifiableMap(binds);
        this.defaultBind = defaultBind;
    }

    void setRuntime(RuntimeBinds runtime) {
        this.runtime = runtime;
    }

    Map<String, Bind> namedBinds() {
        return named;
    }

    Bind named(String name) {
        ensureOpen();
        Bind bind = named.get(name);
        if (bind == null && BindConfig.DEFAULT_NAME.equals(name)) {
            bind = defaultBind;
        }
        if (bind == null) {
            throw new NoSuchBindException(name, "No bind named '" + name + "'. Configured binds: "
                    + (named.isEmpty() ? "none" : String.join(", ", named.keySet()))
                    + ". Add binds." + name + ".url to the configuration, or use one of those names");
        }
        return bind;
    }

    RuntimeBinds runtime() {
        ensureOpen();
        return runtime;
    }

    int runtimeCount() {
        return runtime == null ? 0 : runtime.size();
    }

    boolean isClosed() {
        return closed.get();
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ShutdownHook.unregister(this);
        RuntimeException failure = null;
        List<AutoCloseable> all = new ArrayList<>();
        if (runtime != null) {
            all.add(runtime);
        }
        all.addAll(named.values());
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Closing binds failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        housekeeping.shutdownNow();
        if (failure != null) {
            throw failure;
        }
    }

    void closeQuietly(Throwable into) {
        try {
            close();
        } catch (RuntimeException e) {
            if (into != null) {
                into.addSuppressed(e);
            }
        }
    }

    void closeFromCleaner() {
        if (!closed.get()) {
            BindManager.log().warn("A BindManager with binds {} was not closed before it became unreachable; closing its pools",
                    named.keySet());
            closeQuietly(null);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new BindClosedException(null, "This BindManager is closed");
        }
    }
}
