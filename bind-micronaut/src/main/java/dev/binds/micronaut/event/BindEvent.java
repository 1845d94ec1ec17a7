package dev.binds.micronaut.event;

import dev.binds.Bind;
import io.micronaut.context.event.ApplicationEvent;

/**
 * Something that happened to one bind; its source is the {@link Bind}.
 *
 * @since 0.1.0
 */
public abstract class BindEvent extends ApplicationEvent {

    /** @param bind the bind it happened to */
    protected BindEvent(Bind bind) {
        super(bind);
    }

    /** @return the bind it happened to */
    public Bind bind() {
        return (Bind) getSource();
    }

    /** @return the bind's name */
    public String bindName() {
        return bind().name();
    }

    @Override
    public Bind getSource() {
        return (Bind) super.getSource();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + bindName() + "]";
    }
}
