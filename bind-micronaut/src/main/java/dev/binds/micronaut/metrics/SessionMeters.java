package dev.binds.micronaut.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.binds.micronaut.metrics.BindMetrics.BIND_TAG;
import static dev.binds.micronaut.metrics.BindMetrics.COMMITS;
import static dev.binds.micronaut.metrics.BindMetrics.DURATION;
import static dev.binds.micronaut.metrics.BindMetrics.GET_OR_CREATE;
import static dev.binds.micronaut.metrics.BindMetrics.OPENED;
import static dev.binds.micronaut.metrics.BindMetrics.RESULT_TAG;
import static dev.binds.micronaut.metrics.BindMetrics.ROLLBACKS;

/** One bind's session meters, registered once when the bind is first seen, so events only increment. */
record SessionMeters(Counter opened, Counter commits, Counter rollbacks, Timer duration, Counter created,
                     Counter found) {

    private static final String ROWS = "getOrCreate and updateOrCreate calls, by whether they inserted or found the row";

    static SessionMeters register(MeterRegistry registry, String bind) {
        return new SessionMeters(
                counter(OPENED, bind, "Sessions that took a connection").register(registry),
                counter(COMMITS, bind, "Transactions committed").register(registry),
                counter(ROLLBACKS, bind, "Transactions rolled back").register(registry),
                Timer.builder(DURATION).tag(BIND_TAG, bind).description("How long sessions stayed open")
                        .register(registry),
                counter(GET_OR_CREATE, bind, ROWS).tag(RESULT_TAG, "created").register(registry),
                counter(GET_OR_CREATE, bind, ROWS).tag(RESULT_TAG, "found").register(registry));
    }

    private static Counter.Builder counter(String name, String bind, String description) {
        return Counter.builder(name).tag(BIND_TAG, bind).description(description);
    }

    void record(long nanos) {
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void removeFrom(MeterRegistry registry) {
        for (Meter meter : List.of(opened, commits, rollbacks, duration, created, found)) {
            registry.remove(meter);
        }
    }
}
