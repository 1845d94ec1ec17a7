package dev.binds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binds created at run time from a URL: one per URL, created once under concurrent first access,
 * bounded by closing the least recently used bind that has no open session.
 */
final class RuntimeBinds implements AutoCloseable {

    private final BindConfig template;
    private final int max;
    private final BindListener listener;
    private final ScheduledExecutorService housekeeping;
    private final EntityModel entities;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong names = new AtomicLong();
    private volatile boolean closed;

    RuntimeBinds(BindConfig template, int max, BindListener listener, ScheduledExecutorService housekeeping,
                 EntityModel entities) {
        this.entities = entities;
        this.template = template;
        this.max = max;
        this.listener = listener;
        this.housekeeping = housekeeping;
    }

    Bind forUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("forUrl needs a JDBC URL");
        }
        Entry entry = entries.computeIfAbsent(url, Entry::new);
        entry.lastUsed = clock.incrementAndGet();
        Bind bind = entry.get();
        if (closed) {
            bind.close();
            throw new BindClosedException(bind.name(), "This BindManager is closed");
        }
        evictIfOver();
        return bind;
    }

    boolean invalidate(String url) {
        Entry entry = entries.remove(url);
        if (entry == null) {
            return false;
        }
        entry.closeIfCreated();
        return true;
    }

    int size() {
        return entries.size();
    }

    @Override
    public void close() {
        closed = true;
        for (String url : new ArrayList<>(entries.keySet())) {
            invalidate(url);
        }
    }

    private void evictIfOver() {
        int over = entries.size() - max;
        if (over <= 0) {
            return;
        }
        List<Map.Entry<String, Entry>> idle = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Bind b = e.getValue().bind;
            if (b != null && b.openSessions() == 0) {
                idle.add(e);
            }
        }
        idle.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
        for (int i = 0; i < Math.min(over, idle.size()); i++) {
            Map.Entry<String, Entry> e = idle.get(i);
            if (entries.remove(e.getKey(), e.getValue())) {
                BindManager.log().debug("Closing run-time bind '{}' (least recently used of more than {})",
                        e.getValue().bind.name(), max);
                e.getValue().closeIfCreated();
            }
        }
    }

    private BindConfig configFor(String url) {
        String name = "runtime-" + names.incrementAndGet();
        BindConfig.Builder b = template != null ? template.toBuilder().url(url).driverClassName(null) : BindConfig.builder(name).url(url);
        return rename(b, name).build();
    }

    private static BindConfig.Builder rename(BindConfig.Builder b, String name) {
        BindConfig c = b.build();
        return BindConfig.builder(name).url(c.url()).username(c.username()).password(c.password())
                .driverClassName(c.driverClassName()).lazy(c.lazy()).pool(c.pool()).session(c.session())
                .migrations(c.migrations());
    }

    /** One URL's bind, created by the first caller while later callers for that URL wait. */
    private final class Entry {
        private final String url;
        private volatile Bind bind;
        private volatile long lastUsed;

        Entry(String url) {
            this.url = url;
        }

        Bind get() {
            Bind b = bind;
            if (b != null) {
                return b;
            }
            synchronized (this) {
                if (bind == null) {
                    try {
                        bind = new Bind(configFor(url), listener, housekeeping, entities);
                    } catch (RuntimeException e) {
                        entries.remove(url, this);
                        throw e;
                    }
                }
                return bind;
            }
        }

        synchronized void closeIfCreated() {
            if (bind != null) {
                bind.close();
            }
        }
    }
}
