package dev.binds.micronaut.event;

import dev.binds.Bind;
import dev.binds.migrate.SyncResult;

import java.util.Objects;

/**
 * A bind's migrations have run to the end, successfully, through the module: at start-up, through the
 * management endpoint's {@code sync} or through the command line's {@code sync} and {@code migrate}.
 * {@link #result()} says what was done ({@code CREATED}, {@code UPGRADED}, {@code ALREADY_UP_TO_DATE},
 * {@code DISABLED}). A failed migration publishes nothing: its exception goes to the caller.
 *
 * @since 0.1.0
 */
public final class BindMigratedEvent extends BindEvent {

    private final SyncResult result;

    /**
     * @param bind   the bind whose migrations ran
     * @param result what they did
     */
    public BindMigratedEvent(Bind bind, SyncResult result) {
        super(bind);
        this.result = Objects.requireNonNull(result, "result");
    }

    /** @return what the migrations did */
    public SyncResult result() {
        return result;
    }

    @Override
    public String toString() {
        return "BindMigratedEvent[" + bindName() + ", " + result + "]";
    }
}
