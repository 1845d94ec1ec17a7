package dev.binds;

import com.zaxxer.hikari.HikariConfig;

import java.util.List;

/**
 * Called at the points of a bind's life an application may want to act on: before its pool starts
 * (to set credentials such as a short-lived auth token, driver properties, or session state through
 * {@code connection-init-sql}), once the pool is created, when a bind is closed, and for each
 * session's outcome (what metrics count). Every method has a do-nothing default.
 *
 * <pre>{@code
 * BindManager manager = BindManager.builder()
 *         .add(config)
 *         .listener(new BindListener() {
 *             public void configurePool(BindConfig bind, HikariConfig pool) {
 *                 pool.setPassword(tokens.fetchFor(bind.name()));
 *             }
 *         })
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public interface BindListener {

    /** Does nothing. */
    BindListener NONE = new BindListener() {
    };

    /**
     * Called once per pool, just before it starts; changes to {@code pool} take effect.
     *
     * @param bind the bind's configuration
     * @param pool the HikariCP configuration about to be used
     */
    default void configurePool(BindConfig bind, HikariConfig pool) {
    }

    /** @param bind a bind whose pool has just started */
    default void poolCreated(Bind bind) {
    }

    /** @param bind a bind that has just been closed */
    default void bindClosed(Bind bind) {
    }

    /** @param bind the bind a session took its connection from */
    default void sessionOpened(Bind bind) {
    }

    /** @param bind the bind @param committed whether the session's last transaction committed @param nanos the session's duration */
    default void sessionClosed(Bind bind, boolean committed, long nanos) {
    }

    /** @param bind the bind @param created whether {@code getOrCreate} or {@code updateOrCreate} inserted the row */
    default void rowCreated(Bind bind, boolean created) {
    }

    /** @param bind the bind a transaction rolled back on */
    default void rolledBack(Bind bind) {
    }

    /** @param bind the bind a transaction committed on */
    default void committed(Bind bind) {
    }

    /**
     * @param listeners listeners to call in order
     * @return one listener calling all of them, or {@link #NONE} for none
     */
    static BindListener of(List<BindListener> listeners) {
        if (listeners.isEmpty()) {
            return NONE;
        }
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        return new CompositeBindListener(List.copyOf(listeners));
    }
}
