package dev.binds;

import com.zaxxer.hikari.HikariConfig;

import java.util.List;

/** Calls several listeners in order. */
final class CompositeBindListener implements BindListener {

    private final List<BindListener> listeners;

    CompositeBindListener(List<BindListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void configurePool(BindConfig bind, HikariConfig pool) {
        listeners.forEach(l -> l.configurePool(bind, pool));
    }

    @Override
    public void poolCreated(Bind bind) {
        listeners.forEach(l -> l.poolCreated(bind));
    }

    @Override
    public void bindClosed(Bind bind) {
        listeners.forEach(l -> l.bindClosed(bind));
    }

    @Override
    public void sessionOpened(Bind bind) {
        listeners.forEach(l -> l.sessionOpened(bind));
    }

    @Override
    public void sessionClosed(Bind bind, boolean committed, long nanos) {
        listeners.forEach(l -> l.sessionClosed(bind, committed, nanos));
    }

    @Override
    public void rowCreated(Bind bind, boolean created) {
        listeners.forEach(l -> l.rowCreated(bind, created));
    }

    @Override
    public void rolledBack(Bind bind) {
        listeners.forEach(l -> l.rolledBack(bind));
    }

    @Override
    public void committed(Bind bind) {
        listeners.forEach(l -> l.committed(bind));
    }
}
