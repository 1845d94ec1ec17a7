package dev.binds.micronaut.endpoint;

import dev.binds.micronaut.BindMigrators;
import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.SyncResult;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.annotation.Write;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /binds}: what an operator needs to know about each bind, keyed by name, and a way to migrate
 * one. Never shows a password: URLs are masked and messages scrubbed. Reading a lazy bind whose pool has
 * not started does not start it (its migration status is then not read).
 *
 * <pre>{@code
 * endpoints:
 *   binds:
 *     sensitive: true          # the default: needs an authenticated user (micronaut-security)
 *     sync-enabled: true       # allow POST /binds/{name}; refused (403) otherwise
 * }</pre>
 *
 * @since 0.1.0
 */
@Endpoint(id = BindsEndpoint.ID, defaultSensitive = BindsEndpoint.DEFAULT_SENSITIVE)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class BindsEndpoint {

    /** The endpoint's id and path: {@value}. */
    public static final String ID = "binds";
    /** Whether the endpoint needs an authenticated user unless configured otherwise: {@value}. */
    public static final boolean DEFAULT_SENSITIVE = true;
    /** Whether {@code POST /binds/{name}} may run {@code sync()} unless configured otherwise: {@value}. */
    public static final boolean DEFAULT_SYNC_ENABLED = false;
    /** The property that allows {@code POST /binds/{name}}: {@value}. */
    public static final String SYNC_ENABLED_PROPERTY = "endpoints." + ID + ".sync-enabled";

    private final BindMigrators migrators;
    private boolean syncEnabled = DEFAULT_SYNC_ENABLED;

    BindsEndpoint(BindMigrators migrators) {
        this.migrators = migrators;
    }

    /** @return every bind by name */
    @Read
    public Map<String, Object> binds() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Map.Entry<String, BindMigrator> entry : migrators.all().entrySet()) {
            all.put(entry.getKey(), BindView.of(entry.getValue(), false));
        }
        return all;
    }

    /**
     * @param name a bind's name
     * @return the bind, with its migration history
     */
    @Read
    public Map<String, Object> bind(@Selector String name) {
        return BindView.of(migrator(name), true);
    }

    /**
     * Runs {@code sync()} on a bind: creates or upgrades its database. Refused with 403 unless
     * {@value #SYNC_ENABLED_PROPERTY} is true.
     *
     * @param name a bind's name
     * @return what was done, and the bind as it is now
     */
    @Write
    public Map<String, Object> sync(@Selector String name) {
        BindMigrator migrator = migrator(name);
        if (!syncEnabled) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Running sync() on bind '" + name
                    + "' through the binds endpoint is disabled: set " + SYNC_ENABLED_PROPERTY + "=true to enable it");
        }
        SyncResult result;
        try {
            result = migrators.sync(name);
        } catch (RuntimeException e) {
            throw new HttpStatusException(HttpStatus.INTERNAL_SERVER_ERROR, BindView.reason(migrator.bind(), e));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", result.outcome().name());
        body.put("from", result.fromVersion());
        body.put("to", result.toVersion());
        body.put("applied", result.migrationsApplied());
        body.put("bind", BindView.of(migrator, false));
        return body;
    }

    /** @return whether {@code POST /binds/{name}} may run {@code sync()} */
    public boolean isSyncEnabled() {
        return syncEnabled;
    }

    /** @param syncEnabled whether {@code POST /binds/{name}} may run {@code sync()}; default false */
    public void setSyncEnabled(boolean syncEnabled) {
        this.syncEnabled = syncEnabled;
    }

    private BindMigrator migrator(String name) {
        BindMigrator migrator = migrators.all().get(name);
        if (migrator == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No bind named '" + name + "'. Configured binds: "
                    + (migrators.all().isEmpty() ? "none" : String.join(", ", migrators.all().keySet())));
        }
        return migrator;
    }

    @Override
    public String toString() {
        return "BindsEndpoint" + migrators.all().keySet();
    }
}
