package dev.binds.micronaut.health;

import dev.binds.Bind;
import dev.binds.BindManager;
import dev.binds.micronaut.BindConfiguration;
import dev.binds.micronaut.BindMigrators;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The {@value #NAME} health result: one result per bind, keyed by its name, checked in parallel on the
 * blocking executor. The result is DOWN when a critical bind is down ({@code binds.<name>.health.critical},
 * default true), UP otherwise, so a non-critical bind that is down shows DOWN in its own details while
 * the application stays UP.
 *
 * @since 0.1.0
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
@Requires(property = HealthEndpoint.PREFIX + ".binds.enabled", notEquals = "false")
public final class BindsHealthIndicator implements HealthIndicator {

    /** The name of the result in the health endpoint's details: {@value}. */
    public static final String NAME = "binds";

    private final List<BindHealthCheck> checks = new ArrayList<>();
    private final ExecutorService executor;

    BindsHealthIndicator(BindManager manager, BindMigrators migrators, List<BindConfiguration> configurations,
                         @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.executor = executor;
        Map<String, BindConfiguration> byName = new LinkedHashMap<>();
        configurations.forEach(c -> byName.put(c.getName(), c));
        for (Bind bind : manager.binds().values()) {
            BindConfiguration configuration = byName.get(bind.name());
            if (configuration != null && configuration.getHealth().isEnabled()) {
                checks.add(new BindHealthCheck(bind, migrators.get(bind.name()), configuration.getHealth()));
            }
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (checks.isEmpty()) {
            return Publishers.empty();
        }
        return Publishers.fromCompletableFuture(this::check);
    }

    private CompletableFuture<HealthResult> check() {
        List<CompletableFuture<HealthResult>> running = new ArrayList<>(checks.size());
        for (BindHealthCheck check : checks) {
            running.add(check.run(executor));
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, HealthResult> details = new LinkedHashMap<>();
            boolean down = false;
            for (int i = 0; i < checks.size(); i++) {
                HealthResult result = running.get(i).join();
                details.put(result.getName(), result);
                down |= checks.get(i).isCritical() && HealthStatus.DOWN.equals(result.getStatus());
            }
            return HealthResult.builder(NAME, down ? HealthStatus.DOWN : HealthStatus.UP).details(details).build();
        });
    }
}
