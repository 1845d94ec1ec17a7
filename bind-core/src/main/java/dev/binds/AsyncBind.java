package dev.binds;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asynchronous units of work on a bind: each callback runs whole, in its own session, on an
 * executor with no more threads than the pool has connections, so asynchronous work queues for a
 * thread instead of piling up waiting for a connection. Results arrive as {@link CompletionStage}s.
 * Obtained from {@link Bind#async()}; its threads end when idle and when the bind is closed.
 *
 * <pre>{@code
 * bind.async().inTransaction(s -> s.getOrCreate("users", Map.of("email", email), Map.of()))
 *     .thenAccept(r -> log.info("created: {}", r.created()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AsyncBind {

    private final Bind bind;
    private final ThreadPoolExecutor executor;

    AsyncBind(Bind bind, int threads) {
        this.bind = bind;
        AtomicInteger seq = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "bind-" + bind.name() + "-async-" + seq.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /** @return the most callbacks that run at once: the pool's maximum size */
    public int parallelism() {
        return executor.getMaximumPoolSize();
    }

    /** As {@link Bind#inTransaction(SessionCallback)}, run on the bind's executor. */
    public <R> CompletionStage<R> inTransaction(SessionCallback<R, ? extends Exception> work) {
        return supply(() -> bind.inTransaction(work));
    }

    /** As {@link Bind#inTransaction(RetryPolicy, SessionCallback)}, run on the bind's executor. */
    public <R> CompletionStage<R> inTransaction(RetryPolicy policy, SessionCallback<R, ? extends Exception> work) {
        return supply(() -> bind.inTransaction(policy, work));
    }

    /** As {@link Bind#withSession(SessionCallback)}, run on the bind's executor. */
    public <R> CompletionStage<R> withSession(SessionCallback<R, ? extends Exception> work) {
        return supply(() -> bind.withSession(work));
    }

    void shutdown() {
        executor.shutdown();
    }

    private interface Work<R> {
        R run() throws Exception;
    }

    private <R> CompletionStage<R> supply(Work<R> work) {
        CompletableFuture<R> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(work.run());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new BindClosedException(bind.name(), "Bind '" + bind.name() + "' is closed"));
        }
        return result;
    }
}
