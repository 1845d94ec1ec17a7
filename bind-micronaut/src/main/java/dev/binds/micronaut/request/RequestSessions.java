package dev.binds.micronaut.request;

import dev.binds.Bind;
import dev.binds.BindClosedException;
import dev.binds.BindSession;
import dev.binds.SessionStateException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.NonBlocking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The unit of work of one HTTP request: at most one open {@link BindSession} per bind, opened when the
 * request first uses that bind (through {@code @Named("x") BindSession} or a repository of the bind),
 * ended by {@link BindRequestFilter} before the response is written, and released in every case.
 * Kept as an attribute of the request, where the handler's thread finds it through
 * {@link ServerRequestContext}.
 *
 * <p>The sessions themselves are used by one thread at a time, as a request is; this object's own
 * methods are synchronized because the end of a request, the release after a lost client and the
 * release at shutdown may come from other threads.
 *
 * @since 0.1.0
 */
@Internal
public final class RequestSessions {

    /** The request attribute holding the unit. */
    static final String ATTRIBUTE = RequestSessions.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(RequestSessions.class);

    private final BindRequests requests;
    /** Usually one or two: a list beats a map. Created when the request first uses a bind. */
    private List<Entry> entries;
    /** The thread the request first used a bind on: the handler's, which is allowed to block. */
    private Thread openedOn;
    private boolean ended;

    RequestSessions(BindRequests requests) {
        this.requests = requests;
    }

    /** @return the unit of the HTTP request being handled on this thread, or {@code null} outside one */
    public static @Nullable RequestSessions current() {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        return request.isPresent() ? of(request.get()) : null;
    }

    static @Nullable RequestSessions of(HttpRequest<?> request) {
        Object unit = request.getAttribute(ATTRIBUTE).orElse(null);
        return unit instanceof RequestSessions sessions ? sessions : null;
    }

    /**
     * @param bind a bind
     * @return this request's session on the bind, opened now if the request has none (or closed the last one)
     * @throws BindClosedException when the request has already ended
     */
    public synchronized BindSession session(Bind bind) {
        Entry entry = find(bind);
        if (entry != null && !entry.session.isClosed()) {
            return entry.session;
        }
        if (ended) {
            throw new BindClosedException(bind.name(), "Bind '" + bind.name() + "': this request's unit of work has "
                    + "already ended (its response was sent, or the application is stopping). Work that outlives the "
                    + "request belongs in bind.inTransaction(...) or bind.withSession(...)");
        }
        BindSession session = bind.openSession();
        if (entry != null) {
            entry.session = session;
            entry.rollbackOnly = false;
        } else {
            if (entries == null) {
                entries = new ArrayList<>(2);
                openedOn = Thread.currentThread();
                requests.started(this);
            }
            entries.add(new Entry(bind, session, requests.rollbackRule(bind.name())));
        }
        return session;
    }

    /**
     * Marks the request's transaction on the bind as rollback-only: a {@code @Transactional} method that
     * rolled back on the shared connection must not see the request commit the rest.
     *
     * @param bind the bind
     */
    public synchronized void markRollbackOnly(Bind bind) {
        Entry entry = find(bind);
        if (entry != null) {
            entry.rollbackOnly = true;
        }
    }

    /** @return whether any session of the request took a connection, so ending it means talking to a database */
    synchronized boolean holdsConnection() {
        if (entries != null) {
            for (Entry entry : entries) {
                if (entry.session.hasConnection()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the unit may be ended (commit, rollback, release: network round trips) on the current thread
     * rather than handed to the blocking executor: only on the thread the handler used the binds on, which
     * was therefore allowed to block, and never on an event loop thread (Micronaut marks those
     * {@link NonBlocking}). Response filters usually run on the handler's thread; saving the hop there saves
     * a task hand-off and keeps the connection out of the pool no longer than the handler needs it.
     *
     * @return whether ending here is allowed
     */
    synchronized boolean mayEndOnThisThread() {
        Thread current = Thread.currentThread();
        return current == openedOn && !(current instanceof NonBlocking);
    }

    /**
     * Ends the request's unit of work: commits each bind's session unless the handler failed or the
     * bind's rule says the status rolls back; then releases every connection.
     *
     * @param status        the response's status
     * @param handlerFailed whether the handler threw
     * @return why the work could not be committed, or {@code null} when it was committed or rolled back as asked
     */
    synchronized @Nullable RuntimeException complete(int status, boolean handlerFailed) {
        if (ended) {
            return null;
        }
        ended = true;
        if (entries == null) {
            return null;
        }
        RuntimeException failure = null;
        try {
            failure = rollbackOnlyFailure(status, handlerFailed);
            for (Entry entry : entries) {
                BindSession session = entry.session;
                if (session.isClosed()) {
                    continue;
                }
                if (failure == null && !handlerFailed && !entry.rule.rollsBack(status)) {
                    try {
                        session.commit();
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                } else {
                    failure = rollback(session, failure);
                }
            }
        } finally {
            failure = closeAll(failure);
        }
        return failure;
    }

    /** Rolls back and releases whatever is still open; for a request that ended without {@link #complete}. */
    synchronized void release() {
        if (ended) {
            return;
        }
        ended = true;
        if (entries != null) {
            RuntimeException failure = closeAll(null);
            if (failure != null) {
                LOG.warn("Releasing the sessions of an ended request failed: {}", failure.getMessage(), failure);
            }
        }
    }

    /** A bind whose session would commit but was marked rollback-only fails the whole request. */
    private RuntimeException rollbackOnlyFailure(int status, boolean handlerFailed) {
        if (handlerFailed) {
            return null;
        }
        for (Entry entry : entries) {
            if (entry.rollbackOnly && !entry.session.isClosed() && !entry.rule.rollsBack(status)) {
                String name = entry.bind.name();
                return new SessionStateException(name, "Bind '" + name + "': the request's transaction was rolled "
                        + "back by a @Transactional(\"" + name + "\") method that failed, so nothing this request did "
                        + "on the bind was stored; the request fails instead of reporting success");
            }
        }
        return null;
    }

    private static RuntimeException rollback(BindSession session, RuntimeException failure) {
        try {
            session.rollback();
        } catch (RuntimeException e) {
            // the connection is probably broken; closing it below lets the pool discard it
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.debug("Rollback on bind '{}' failed: {}", session.bindName(), e.getMessage(), e);
            }
        }
        return failure;
    }

    private RuntimeException closeAll(RuntimeException failure) {
        try {
            for (Entry entry : entries) {
                try {
                    entry.session.close();
                } catch (RuntimeException e) {
                    // HikariCP may throw (even an NPE) closing a connection it has evicted: never let that leak the rest
                    if (failure != null) {
                        failure.addSuppressed(e);
                    } else {
                        LOG.warn("Releasing the request's session on bind '{}' failed: {}", entry.bind.name(),
                                e.getMessage(), e);
                    }
                }
            }
        } finally {
            requests.ended(this);
        }
        return failure;
    }

    private Entry find(Bind bind) {
        if (entries != null) {
            for (Entry entry : entries) {
                if (entry.bind == bind) {
                    return entry;
                }
            }
        }
        return null;
    }

    @Override
    public synchronized String toString() {
        return "RequestSessions" + (entries == null ? "[]" : entries.stream().map(e -> e.bind.name()).toList())
                + (ended ? ", ended" : "");
    }

    private static final class Entry {
        final Bind bind;
        final RollbackRule rule;
        BindSession session;
        boolean rollbackOnly;

        Entry(Bind bind, BindSession session, RollbackRule rule) {
            this.bind = bind;
            this.session = session;
            this.rule = rule;
        }
    }
}
