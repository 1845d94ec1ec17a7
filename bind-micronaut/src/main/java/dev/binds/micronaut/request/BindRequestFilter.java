package dev.binds.micronaut.request;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Gives every request its unit of work and ends it after the handler, before the response is written:
 * the sessions commit, or roll back when the handler threw or the status is one the bind's
 * {@code request.rollback-on} names, and every connection goes back to the pool. A commit that fails
 * fails the request: the exception goes through Micronaut's exception handling (a 500 unless the
 * application maps it), so a client never sees success for data that was not stored.
 *
 * <p>A request that took no connection ends at once, on the thread it is on; one that did ends on the
 * thread its handler used the binds on when the filter runs there (the usual case with
 * {@code @ExecuteOn(TaskExecutors.BLOCKING)}), else on the blocking executor; never on the event loop. Runs just after the security filters: a request they
 * reject never gets a unit.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BindRequestFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(BindRequestFilter.class);

    private final BindRequests requests;

    BindRequestFilter(BindRequests requests) {
        this.requests = requests;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    void open(HttpRequest<?> request) {
        request.setAttribute(RequestSessions.ATTRIBUTE, requests.newUnit());
    }

    @ResponseFilter
    CompletionStage<HttpResponse<?>> complete(HttpRequest<?> request, MutableHttpResponse<?> response) {
        RequestSessions unit = RequestSessions.of(request);
        if (unit == null) {
            return CompletableFuture.completedFuture(response);
        }
        int status = response.code();
        boolean handlerFailed = RouteAttributes.getException(response).isPresent();
        if (!unit.holdsConnection()) {
            unit.complete(status, handlerFailed); // nothing to say to a database: no thread hop
            return CompletableFuture.completedFuture(response);
        }
        if (unit.mayEndOnThisThread()) {
            return end(request, response, unit, status, handlerFailed); // the handler's thread: no hop
        }
        CompletableFuture<HttpResponse<?>> done = new CompletableFuture<>();
        Runnable end = () -> end(request, response, unit, status, handlerFailed).whenComplete((r, failure) -> {
            if (failure == null) {
                done.complete(r);
            } else {
                done.completeExceptionally(failure);
            }
        });
        try {
            requests.blocking().execute(end);
        } catch (RejectedExecutionException e) {
            end.run(); // the executor is shutting down: end the unit here rather than leak it
        }
        return done;
    }

    private static CompletableFuture<HttpResponse<?>> end(HttpRequest<?> request, MutableHttpResponse<?> response,
                                                          RequestSessions unit, int status, boolean handlerFailed) {
        RuntimeException failure;
        try {
            failure = unit.complete(status, handlerFailed);
        } catch (RuntimeException | Error e) {
            failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        if (failure == null) {
            return CompletableFuture.completedFuture(response);
        }
        LOG.warn("Request {} {} answered {} but its changes could not be stored: {}", request.getMethodName(),
                request.getPath(), status, failure.getMessage());
        return CompletableFuture.failedFuture(failure);
    }
}
