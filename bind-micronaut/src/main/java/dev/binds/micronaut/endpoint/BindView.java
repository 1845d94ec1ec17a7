package dev.binds.micronaut.endpoint;

import dev.binds.Bind;
import dev.binds.PoolState;
import dev.binds.Secrets;
import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.MigrationInfo;
import dev.binds.migrate.MigrationStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bind as the endpoint shows it: plain maps, lists, strings and numbers, whatever JSON library serializes them. */
final class BindView {

    private BindView() {
    }

    static Map<String, Object> of(BindMigrator migrator, boolean history) {
        Bind bind = migrator.bind();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", bind.name());
        view.put("url", bind.config().maskedUrl());
        view.put("dialect", bind.dialect().name());
        view.put("lazy", bind.config().lazy());
        view.put("started", bind.isStarted());
        view.put("closed", bind.isClosed());
        view.put("pool", pool(bind.poolState()));
        view.put("migrations", migrations(migrator));
        if (history && readable(migrator)) {
            view.put("history", history(migrator));
        }
        return view;
    }

    /** A migrator reads the database through the pool: a lazy bind's is not started for a look. */
    private static boolean readable(BindMigrator migrator) {
        Bind bind = migrator.bind();
        return !migrator.isEnabled() || bind.isStarted() && !bind.isClosed();
    }

    private static Map<String, Object> pool(PoolState state) {
        if (state == null) {
            return null;
        }
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("active", state.active());
        pool.put("idle", state.idle());
        pool.put("pending", state.pending());
        pool.put("max", state.max());
        return pool;
    }

    private static Map<String, Object> migrations(BindMigrator migrator) {
        Map<String, Object> migrations = new LinkedHashMap<>();
        migrations.put("enabled", migrator.isEnabled());
        Bind bind = migrator.bind();
        if (!readable(migrator)) {
            migrations.put("state", null);
            migrations.put("message", bind.isClosed() ? "Bind '" + bind.name() + "' is closed"
                    : "Bind '" + bind.name() + "' is lazy and its pool has not started: the status was not read");
            return migrations;
        }
        try {
            MigrationStatus status = migrator.status();
            migrations.put("state", status.state().name());
            migrations.put("current", status.currentVersion());
            migrations.put("latest", status.latestVersion());
            migrations.put("pending", status.pending());
            migrations.put("message", Secrets.scrub(status.message(), bind.config().password()));
        } catch (RuntimeException e) {
            migrations.put("state", null);
            migrations.put("error", reason(bind, e));
        }
        return migrations;
    }

    private static Object history(BindMigrator migrator) {
        try {
            List<Map<String, Object>> list = new ArrayList<>();
            for (MigrationInfo info : migrator.info()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("version", info.version());
                m.put("description", info.description());
                m.put("script", info.script());
                m.put("type", info.type());
                m.put("state", info.state());
                m.put("installedOn", info.installedOn() == null ? null : info.installedOn().toString());
                list.add(m);
            }
            return list;
        } catch (RuntimeException e) {
            return Map.of("error", reason(migrator.bind(), e));
        }
    }

    static String reason(Bind bind, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Secrets.scrub(message, bind.config().password());
    }
}
