package dev.binds.micronaut.e2e;

import dev.binds.Bind;
import dev.binds.BindSession;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** What a scheduled job or a message consumer looks like: no HTTP request around it. */
@Singleton
@Requires(property = "spec.name", value = "e2e")
class ReportJob {

    private final BindSession session;
    private final Bind bind;

    ReportJob(@Named("secondary") BindSession session, @Named("secondary") Bind bind) {
        this.session = session;
        this.bind = bind;
    }

    long countWithRequestSession() {
        return session.queryOne("select count(*) as n from orders").orElseThrow().getLong("n");
    }

    long countWithBind() {
        return bind.inTransaction(s -> s.queryOne("select count(*) as n from orders").orElseThrow().getLong("n"));
    }
}
