package dev.binds.micronaut.event;

import dev.binds.Bind;

/**
 * A bind has been closed and its pool with it: when the application stops, when a run-time bind is
 * invalidated or evicted, or when the {@code BindManager} is closed on demand.
 *
 * @since 0.1.0
 */
public final class BindClosedEvent extends BindEvent {

    /** @param bind the bind that has been closed */
    public BindClosedEvent(Bind bind) {
        super(bind);
    }
}
