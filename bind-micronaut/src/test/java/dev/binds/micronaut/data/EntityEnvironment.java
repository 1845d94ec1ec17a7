package dev.binds.micronaut.data;

import dev.binds.Bind;
import dev.binds.testdb.IsolatedDatabase;
import io.micronaut.context.ApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** A fresh database with the entity tables, and an application whose bind {@code default} is on it. */
final class EntityEnvironment implements AutoCloseable {

    final IsolatedDatabase db;
    final ApplicationContext context;
    final Bind bind;

    EntityEnvironment(IsolatedDatabase db) {
        this.db = db;
        try {
            EntityTables.create(db);
            Map<String, Object> props = new HashMap<>();
            props.put("binds.default.url", db.jdbcUrl());
            props.put("binds.default.username", db.username());
            if (db.password() != null && !db.password().isEmpty()) {
                props.put("binds.default.password", db.password());
            }
            props.put("binds.default.migrations.enabled", "false");
            props.put("binds.default.pool.maximum-pool-size", "10");
            this.context = ApplicationContext.run(props);
            this.bind = context.getBean(Bind.class);
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** Empties the tables, so each test starts from none. */
    EntityEnvironment clear() {
        bind.useTransaction(s -> {
            s.update("delete from support_ticket");
            s.update("delete from gadget");
        });
        return this;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            db.close();
        }
    }
}
