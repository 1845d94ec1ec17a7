package dev.binds.micronaut.request;

import dev.binds.Bind;
import dev.binds.BindListener;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts, per bind, the sessions that took a connection, and notes the thread of the last commit: a
 * BindListener bean the manager picks up.
 */
@Singleton
@Requires(property = "spec.name", value = "RequestLifecycleTest")
public class SessionCounter implements BindListener {

    private final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();
    private final Map<String, Thread> committedOn = new ConcurrentHashMap<>();

    @Override
    public void sessionOpened(Bind bind) {
        opened.computeIfAbsent(bind.name(), n -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void committed(Bind bind) {
        committedOn.put(bind.name(), Thread.currentThread());
    }

    Thread lastCommitThread(String bind) {
        return committedOn.get(bind);
    }

    int opened(String bind) {
        AtomicInteger n = opened.get(bind);
        return n == null ? 0 : n.get();
    }
}
