package dev.binds.micronaut.event;

import dev.binds.Bind;
import dev.binds.BindListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the bind-core hooks into application events. A {@link BindListener} bean: the
 * {@code BindManager} is given every such bean. A failing event listener is logged, never thrown into
 * the pool's start or close.
 */
@Singleton
final class BindEventPublisher implements BindListener {

    private static final Logger LOG = LoggerFactory.getLogger(BindEventPublisher.class);

    private final ApplicationEventPublisher<BindPoolCreatedEvent> poolCreated;
    private final ApplicationEventPublisher<BindClosedEvent> closed;

    BindEventPublisher(ApplicationEventPublisher<BindPoolCreatedEvent> poolCreated,
                       ApplicationEventPublisher<BindClosedEvent> closed) {
        this.poolCreated = poolCreated;
        this.closed = closed;
    }

    @Override
    public void poolCreated(Bind bind) {
        // thrown from here, a listener's failure would leave the pool just started open and unowned
        try {
            poolCreated.publishEvent(new BindPoolCreatedEvent(bind));
        } catch (RuntimeException e) {
            LOG.warn("Bind '{}': a listener of BindPoolCreatedEvent failed: {}", bind.name(), e.toString());
        }
    }

    @Override
    public void bindClosed(Bind bind) {
        // a listener's failure must not stop the other pools from closing
        try {
            closed.publishEvent(new BindClosedEvent(bind));
        } catch (RuntimeException e) {
            LOG.warn("Bind '{}': a listener of BindClosedEvent failed: {}", bind.name(), e.toString());
        }
    }
}
