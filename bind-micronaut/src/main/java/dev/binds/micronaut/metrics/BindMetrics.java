package dev.binds.micronaut.metrics;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.binds.Bind;
import dev.binds.BindConfig;
import dev.binds.BindListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every bind's pool and session metrics in the application's {@link MeterRegistry}. A
 * {@link BindListener} bean: the {@code BindManager} is given every such bean.
 *
 * <ul>
 *   <li>{@code hikaricp.connections}, {@code .active}, {@code .idle}, {@code .pending}, {@code .acquire},
 *       {@code .usage}, {@code .timeout}… tagged {@code pool=<bind>}: HikariCP's own tracker;</li>
 *   <li>{@value #OPENED}: sessions that took a connection;</li>
 *   <li>{@value #COMMITS}, {@value #ROLLBACKS}: transactions ended;</li>
 *   <li>{@value #DURATION}: how long sessions stayed open (a timer);</li>
 *   <li>{@value #GET_OR_CREATE} tagged {@code result=created|found}: {@code getOrCreate} and
 *       {@code updateOrCreate} calls that inserted the row or found it;</li>
 * </ul>
 * the session metrics tagged {@code bind=<name>}. A bind's meters are removed when it closes.
 *
 * @since 0.1.0
 */
@Singleton
@Requires(beans = MeterRegistry.class)
@Requires(property = "micronaut.metrics.enabled", notEquals = "false")
public final class BindMetrics implements BindListener {

    /** Sessions that took a connection: {@value}. */
    public static final String OPENED = "binds.sessions.opened";
    /** Transactions committed: {@value}. */
    public static final String COMMITS = "binds.sessions.commits";
    /** Transactions rolled back: {@value}. */
    public static final String ROLLBACKS = "binds.sessions.rollbacks";
    /** How long sessions stayed open, a timer: {@value}. */
    public static final String DURATION = "binds.sessions.duration";
    /** {@code getOrCreate} and {@code updateOrCreate} calls, tagged {@code result=created|found}: {@value}. */
    public static final String GET_OR_CREATE = "binds.rows.get-or-create";
    /** The tag naming the bind: {@value}. */
    public static final String BIND_TAG = "bind";
    /** The tag of {@link #GET_OR_CREATE}: {@value}. */
    public static final String RESULT_TAG = "result";

    private final MeterRegistry registry;
    private final Map<String, SessionMeters> meters = new ConcurrentHashMap<>();

    BindMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The pool is named after the bind, so HikariCP's tracker tags its meters {@code pool=<bind>}. */
    @Override
    public void configurePool(BindConfig bind, HikariConfig pool) {
        // HikariCP accepts one of the two; an application that set its own registry keeps it
        if (pool.getMetricRegistry() == null && pool.getMetricsTrackerFactory() == null) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    @Override
    public void poolCreated(Bind bind) {
        meters(bind);
    }

    @Override
    public void sessionOpened(Bind bind) {
        meters(bind).opened().increment();
    }

    @Override
    public void sessionClosed(Bind bind, boolean committed, long nanos) {
        meters(bind).record(nanos);
    }

    @Override
    public void committed(Bind bind) {
        meters(bind).commits().increment();
    }

    @Override
    public void rolledBack(Bind bind) {
        meters(bind).rollbacks().increment();
    }

    @Override
    public void rowCreated(Bind bind, boolean created) {
        SessionMeters m = meters(bind);
        (created ? m.created() : m.found()).increment();
    }

    @Override
    public void bindClosed(Bind bind) {
        SessionMeters m = meters.remove(bind.name());
        if (m != null) {
            m.removeFrom(registry);
        }
    }

    private SessionMeters meters(Bind bind) {
        SessionMeters m = meters.get(bind.name());
        return m != null ? m : meters.computeIfAbsent(bind.name(), name -> SessionMeters.register(registry, name));
    }
}
