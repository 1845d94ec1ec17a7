package dev.binds;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JVM shutdown hook for all managers. It holds their pools' state, never the managers, so a
 * manager that is no longer referenced can be collected (its cleaner then closes its pools).
 */
final class ShutdownHook {

    private static final Set<ManagerState> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean installed;

    private ShutdownHook() {
    }

    static void register(ManagerState state) {
        install();
        OPEN.add(state);
    }

    static void unregister(ManagerState state) {
        OPEN.remove(state);
    }

    static int registered() {
        return OPEN.size();
    }

    private static void install() {
        if (installed) {
            return;
        }
        synchronized (ShutdownHook.class) {
            if (!installed) {
                Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHook::closeAll, "bind-shutdown"));
                installed = true;
            }
        }
    }

    private static void closeAll() {
        List<ManagerState> states = new ArrayList<>(OPEN);
        for (ManagerState state : states) {
            state.closeQuietly(null);
        }
    }
}
