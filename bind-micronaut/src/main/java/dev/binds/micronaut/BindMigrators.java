package dev.binds.micronaut;

import dev.binds.NoSuchBindException;
import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.SyncResult;
import dev.binds.micronaut.event.BindMigratedEvent;
import io.micronaut.context.event.ApplicationEventPublisher;

import java.util.Collections;
import java.util.Map;

/**
 * The migrator of every enabled bind, by name, and the migration runs the module makes on them (at
 * start-up, through the management endpoint and the command line), each announced by a
 * {@link BindMigratedEvent} when it succeeds. Unlike the {@code @Named} {@link BindMigrator} beans,
 * looking a migrator up here does not create the bind's {@code Bind} bean, so it neither starts a lazy
 * bind's pool nor runs its migrations.
 *
 * <pre>{@code
 * @Inject BindMigrators migrators;
 * SyncResult done = migrators.sync("secondary");   // publishes BindMigratedEvent
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BindMigrators {

    private final Map<String, BindMigrator> migrators;
    private final ApplicationEventPublisher<BindMigratedEvent> events;

    BindMigrators(Map<String, BindMigrator> migrators, ApplicationEventPublisher<BindMigratedEvent> events) {
        this.migrators = Collections.unmodifiableMap(migrators);
        this.events = events;
    }

    /** @return every enabled bind's migrator by bind name, {@code default} first, then by name */
    public Map<String, BindMigrator> all() {
        return migrators;
    }

    /**
     * @param name an enabled bind's name
     * @return its migrator
     * @throws NoSuchBindException listing the enabled binds when none has that name
     */
    public BindMigrator get(String name) {
        BindMigrator migrator = migrators.get(name);
        if (migrator == null) {
            throw new NoSuchBindException(name, "No bind named '" + name + "'. Configured binds: "
                    + (migrators.isEmpty() ? "none" : String.join(", ", migrators.keySet())));
        }
        return migrator;
    }

    /**
     * Brings the bind's database to the latest version ({@link BindMigrator#sync()}) and publishes a
     * {@link BindMigratedEvent} with the result.
     *
     * @param name an enabled bind's name
     * @return what was done
     */
    public SyncResult sync(String name) {
        BindMigrator migrator = get(name);
        return published(migrator, migrator.sync());
    }

    /**
     * Migrates the bind's database to a target ({@link BindMigrator#migrate(String)}) and publishes a
     * {@link BindMigratedEvent} with the result.
     *
     * @param name   an enabled bind's name
     * @param target a version, or {@code latest}, {@code current}, {@code next}; {@code null} means latest
     * @return what was done
     */
    public SyncResult migrate(String name, String target) {
        BindMigrator migrator = get(name);
        return published(migrator, migrator.migrate(target));
    }

    private SyncResult published(BindMigrator migrator, SyncResult result) {
        events.publishEvent(new BindMigratedEvent(migrator.bind(), result));
        return result;
    }

    @Override
    public String toString() {
        return "BindMigrators" + migrators.keySet();
    }
}
