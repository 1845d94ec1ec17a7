package dev.binds.micronaut.event;

import dev.binds.Bind;

/**
 * A bind's pool has started: at start-up for an eager bind, on first use for a lazy one, and for each
 * run-time bind ({@code BindManager.forUrl}). Published on the thread that started the pool.
 *
 * @since 0.1.0
 */
public final class BindPoolCreatedEvent extends BindEvent {

    /** @param bind the bind whose pool has started */
    public BindPoolCreatedEvent(Bind bind) {
        super(bind);
    }
}
