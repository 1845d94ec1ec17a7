package dev.binds.micronaut;

import dev.binds.Bind;
import dev.binds.BindListener;
import dev.binds.BindManager;
import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.MigrationState;
import dev.binds.migrate.SyncOutcome;
import dev.binds.micronaut.cli.BindCommand;
import dev.binds.micronaut.endpoint.BindsEndpoint;
import dev.binds.micronaut.event.BindMigratedEvent;
import dev.binds.micronaut.health.BindsHealthIndicator;
import dev.binds.micronaut.metrics.BindMetrics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations beans and keys on in-memory H2 databases: defaults of {@code health.*}, start-up without
 * migrations ({@code migrations.sync-at-start=false}), the command line's environment, and the switches
 * that leave beans out.
 */
class OperationsWiringTest {

    @Test
    void healthKeysHaveTheirDefaults() {
        try (ApplicationContext ctx = ApplicationContext.run(h2("default"))) {
            BindConfiguration.HealthConfiguration health = ctx.getBean(BindConfiguration.class).getHealth();
            assertThat(health.isEnabled()).isTrue();
            assertThat(health.isCritical()).isTrue();
            assertThat(health.getTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(ctx.getBean(BindConfiguration.class).getMigrations().isSyncAtStart()).isTrue();
        }
    }

    @Test
    void syncAtStartFalseLeavesTheDatabaseAsItIsUntilAskedAndAnnouncesTheRun() {
        Map<String, Object> props = h2("default");
        props.put("binds.default.migrations.locations", "classpath:db/wiring-things");
        props.put("binds.default.migrations.sync-at-start", false);
        props.put(RecordedBindEvents.PROPERTY, true);
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            RecordedBindEvents events = ctx.getBean(RecordedBindEvents.class);
            BindMigrator migrator = ctx.getBean(BindMigrator.class, Qualifiers.byName("default"));
            assertThat(migrator.status().state()).isEqualTo(MigrationState.EMPTY);
            assertThat(events.list(BindMigratedEvent.class)).isEmpty();

            BindMigrators migrators = ctx.getBean(BindMigrators.class);
            assertThat(migrators.get("default")).isSameAs(migrator);
            assertThat(migrators.sync("default").outcome()).isEqualTo(SyncOutcome.CREATED);
            assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
            assertThat(events.list(BindMigratedEvent.class)).singleElement()
                    .satisfies(e -> assertThat(e.result().toVersion()).isEqualTo("1"));
        }
    }

    @Test
    void theCommandLineEnvironmentMakesBindsLazyAndUnmigratedUnlessTheySayOtherwise() {
        Map<String, Object> props = h2("default");
        props.putAll(h2("eager"));
        props.put("binds.default.migrations.locations", "classpath:db/wiring-things");
        props.put("binds.eager.lazy", false);
        try (ApplicationContext ctx = ApplicationContext.builder(BindCommand.ENVIRONMENT).properties(props).start()) {
            BindManager manager = ctx.getBean(BindManager.class);
            assertThat(manager.bind("default").config().lazy()).isTrue();
            assertThat(manager.bind("default").isStarted()).isFalse();
            assertThat(manager.bind("eager").isStarted()).isTrue();
            Bind bind = ctx.getBean(Bind.class, Qualifiers.byName("default"));
            assertThat(ctx.getBean(BindMigrators.class).get("default").status().state()).isEqualTo(MigrationState.EMPTY);
            assertThat(bind.isStarted()).isTrue();
        }
    }

    @Test
    void everyOperationsBeanIsThereByDefault() {
        try (ApplicationContext ctx = ApplicationContext.run(h2("default"))) {
            assertThat(ctx.containsBean(BindsHealthIndicator.class)).isTrue();
            assertThat(ctx.containsBean(BindsEndpoint.class)).isTrue();
            assertThat(ctx.containsBean(BindMetrics.class)).isTrue();
            assertThat(ctx.containsBean(BindCommand.class)).isTrue();
            assertThat(ctx.getBeansOfType(BindListener.class)).hasSize(2);
            assertThat(ctx.getProperty("endpoints.health.jdbc.enabled", Boolean.class)).contains(false);
        }
    }

    @Test
    void metricsOffAndTheModuleOffLeaveTheBeansOut() {
        Map<String, Object> props = h2("default");
        props.put("micronaut.metrics.enabled", false);
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            assertThat(ctx.containsBean(BindMetrics.class)).isFalse();
            assertThat(ctx.getBean(BindManager.class).bind("default").isStarted()).isTrue();
        }
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("binds.enabled", false))) {
            assertThat(ctx.containsBean(BindManager.class)).isFalse();
            assertThat(ctx.containsBean(BindsHealthIndicator.class)).isFalse();
            assertThat(ctx.containsBean(BindsEndpoint.class)).isFalse();
            assertThat(ctx.containsBean(BindMetrics.class)).isFalse();
            assertThat(ctx.getBeansOfType(BindListener.class)).isEmpty();
        }
    }

    private static Map<String, Object> h2(String name) {
        Map<String, Object> props = new HashMap<>();
        props.put("binds." + name + ".url", "jdbc:h2:mem:ops-" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return props;
    }
}
