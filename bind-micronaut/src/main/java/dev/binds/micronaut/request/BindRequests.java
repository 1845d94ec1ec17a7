package dev.binds.micronaut.request;

import dev.binds.BindManager;
import dev.binds.micronaut.BindConfiguration;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps track of the requests that hold sessions, so none is forgotten: when a request ends without its
 * unit of work having been completed (a filter before ours failed, the client went away at the wrong
 * moment), Micronaut's {@link HttpRequestTerminatedEvent} releases it, as it destroys {@code @RequestScope}
 * beans; and when the application stops, the units still in flight are rolled back and released before
 * the pools close (this bean depends on the {@link BindManager}, so it is destroyed first).
 */
@Singleton
final class BindRequests implements ApplicationEventListener<HttpRequestTerminatedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BindRequests.class);

    private final Map<String, RollbackRule> rules;
    private final Set<RequestSessions> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService blocking;

    BindRequests(List<BindConfiguration> configurations, BindManager manager,
                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        Map<String, RollbackRule> byBind = new HashMap<>();
        for (BindConfiguration configuration : configurations) {
            if (manager.binds().containsKey(configuration.getName())) {
                byBind.put(configuration.getName(),
                        RollbackRule.of(configuration.getName(), configuration.getRequest().getRollbackOn()));
            }
        }
        this.rules = Map.copyOf(byBind);
        this.blocking = blocking;
    }

    RequestSessions newUnit() {
        return new RequestSessions(this);
    }

    RollbackRule rollbackRule(String bindName) {
        return rules.getOrDefault(bindName, RollbackRule.DEFAULT);
    }

    ExecutorService blocking() {
        return blocking;
    }

    void started(RequestSessions unit) {
        inFlight.add(unit);
    }

    void ended(RequestSessions unit) {
        inFlight.remove(unit);
    }

    /** @return how many requests hold sessions right now */
    int inFlight() {
        return inFlight.size();
    }

    @Override
    public void onApplicationEvent(HttpRequestTerminatedEvent event) {
        RequestSessions unit = RequestSessions.of(event.getSource());
        if (unit == null || !inFlight.contains(unit)) {
            return; // the usual case: the response filter completed it
        }
        // releasing means rolling back over the network: not on the event loop that publishes this event
        try {
            blocking.execute(unit::release);
        } catch (RejectedExecutionException e) {
            unit.release();
        }
    }

    /** Rolls back and releases the sessions of requests still in flight; the pools close after this. */
    @PreDestroy
    void close() {
        List<RequestSessions> open = new ArrayList<>(inFlight);
        if (!open.isEmpty()) {
            LOG.info("Rolling back the sessions of {} request(s) still in flight before closing the binds", open.size());
        }
        for (RequestSessions unit : open) {
            unit.release();
        }
    }
}
