package dev.binds;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/** The one scheduled executor a manager's pools share for HikariCP housekeeping, instead of a thread per pool. */
final class Housekeeping {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Housekeeping() {
    }

    static ScheduledThreadPoolExecutor newExecutor() {
        int n = SEQ.incrementAndGet();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bind-housekeeper-" + n);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }
}
