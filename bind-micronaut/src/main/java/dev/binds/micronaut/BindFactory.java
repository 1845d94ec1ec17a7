package dev.binds.micronaut;

import dev.binds.Bind;
import dev.binds.BindConfig;
import dev.binds.BindConfigurationException;
import dev.binds.BindListener;
import dev.binds.BindManager;
import dev.binds.BindSession;
import dev.binds.EntityModel;
import dev.binds.migrate.BindMigrator;
import dev.binds.micronaut.data.RequestAwareDataSource;
import dev.binds.micronaut.event.BindMigratedEvent;
import dev.binds.micronaut.request.RequestBindSession;
import dev.binds.micronaut.request.RollbackRule;
import io.micronaut.context.Qualifier;
import io.micronaut.context.annotation.Any;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.exceptions.DisabledBeanException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates, for every enabled bind, under its name: the {@link Bind}, its {@link BindMigrator}, its
 * {@link DataSource} and its request-scoped {@link BindSession}; and the {@link BindManager} that owns
 * them all. The manager is a context bean: at start-up every configuration is checked, every eager pool
 * started and every eager bind migrated, so a wrong URL, driver, pool value or script stops the
 * application with a message naming the bind and the property. A lazy bind's pool starts on first use;
 * its migrations run when its bean is first created, before anyone gets it. A bind with
 * {@code migrations.sync-at-start=false} is not migrated by either.
 */
@Factory
final class BindFactory {

    private static final Logger LOG = LoggerFactory.getLogger(BindFactory.class);

    private volatile BindMigrators migrators;
    private volatile Set<String> syncAtStart = Set.of();

    /**
     * {@code defaults} is asked for only so that its properties exist before the configurations are read;
     * {@code entities} maps {@code @MappedEntity} classes for the sessions' entity operations.
     */
    @Context
    @Bean(preDestroy = "close")
    BindManager bindManager(BindPropertyDefaults defaults, List<BindConfiguration> configurations,
                            List<BindListener> listeners, EntityModel entities,
                            ApplicationEventPublisher<BindMigratedEvent> events) {
        BindManager.Builder builder = BindManager.builder().entityModel(entities);
        configurations.stream()
                .filter(c -> c.isEnabled() && !BindPropertyDefaults.RESERVED.contains(c.getName()))
                .sorted(Comparator.comparing((BindConfiguration c) -> !c.getName().equals(BindConfig.DEFAULT_NAME))
                        .thenComparing(BindConfiguration::getName))
                .forEach(c -> {
                    BindConfig config = c.toBindConfig();
                    requireDriver(config);
                    RollbackRule.of(c.getName(), c.getRequest().getRollbackOn());
                    c.getHealth().check();
                    builder.add(config);
                });
        listeners.forEach(builder::listener);
        syncAtStart = configurations.stream().filter(c -> c.getMigrations().isSyncAtStart())
                .map(BindConfiguration::getName).collect(Collectors.toUnmodifiableSet());
        BindManager manager = builder.build();
        try {
            Map<String, BindMigrator> byName = new LinkedHashMap<>();
            for (Bind bind : manager.binds().values()) {
                byName.put(bind.name(), BindMigrator.of(bind));
            }
            migrators = new BindMigrators(byName, events);
            for (Bind bind : manager.binds().values()) {
                if (!bind.config().lazy()) {
                    syncAtStart(bind.name());
                }
            }
        } catch (RuntimeException e) {
            try {
                manager.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        LOG.debug("Binds {} ready", manager.binds().keySet());
        return manager;
    }

    @EachBean(BindConfiguration.class)
    Bind bind(BindConfiguration configuration, BindManager manager) {
        String name = configuration.getName();
        if (BindPropertyDefaults.RESERVED.contains(name)) {
            throw new DisabledBeanException("'binds." + name + "' switches the module, it is not a bind");
        }
        if (!configuration.isEnabled()) {
            throw new DisabledBeanException("Bind '" + name + "' is disabled (binds." + name + ".enabled=false)");
        }
        Bind bind = manager.bind(name);
        if (bind.config().lazy()) {
            syncAtStart(name);
        }
        return bind;
    }

    /** {@code manager} is asked for only so that the migrators exist: it creates them. */
    @Singleton
    BindMigrators bindMigrators(BindManager manager) {
        return migrators;
    }

    @EachBean(Bind.class)
    BindMigrator migrator(Bind bind, BindMigrators all) {
        return all.get(bind.name());
    }

    @EachBean(Bind.class)
    DataSource dataSource(Bind bind) {
        return new RequestAwareDataSource(bind);
    }

    @EachBean(Bind.class)
    BindSession bindSession(Bind bind) {
        return new RequestBindSession(bind);
    }

    /**
     * Answers {@code @Named("x") BindSession} for a name that is no enabled bind, with a message listing
     * the binds there are. {@code @Any} makes it a candidate for every name, and its lowest precedence
     * lets the real session win wherever one exists ({@code @Secondary} would do too, but it would hide
     * the name asked for). Failing with {@link DisabledBeanException} keeps it out of
     * {@code getBeansOfType} and turns it into Micronaut's {@code NoSuchBeanException} (or, at an
     * injection point, {@code DependencyInjectionException}) carrying this message.
     *
     * <p>There is deliberately no such fallback for {@code Bind}: every {@code @EachBean(Bind.class)}
     * (ours above, and the application's) would iterate it too. {@code @Named("nope") Bind} fails with
     * Micronaut's own message, which names the missing {@code binds.nope} entries.
     */
    @Any
    @Prototype
    @Order(Ordered.LOWEST_PRECEDENCE)
    BindSession unknownBindSession(@Nullable Qualifier<BindSession> qualifier, BindManager manager,
                                   List<BindConfiguration> configurations) {
        throw unknownName(qualifier, manager, configurations);
    }

    private static DisabledBeanException unknownName(@Nullable Qualifier<?> qualifier, BindManager manager,
                                                     List<BindConfiguration> configurations) {
        String name = qualifier == null ? null : Qualifiers.findName(qualifier);
        if (name == null) {
            return new DisabledBeanException("not a bind name: " + qualifier);
        }
        return new DisabledBeanException(unknownBindMessage(name, manager, configurations));
    }

    static String unknownBindMessage(String name, BindManager manager, List<BindConfiguration> configurations) {
        String configured = manager.binds().isEmpty() ? "none" : String.join(", ", manager.binds().keySet());
        for (BindConfiguration configuration : configurations) {
            if (configuration.getName().equals(name) && !configuration.isEnabled()) {
                return "Bind '" + name + "' is disabled (binds." + name + ".enabled=false). Enabled binds: "
                        + configured;
            }
        }
        return "No bind named '" + name + "': @Named(\"" + name + "\") names no configured bind. Configured binds: "
                + configured + ". Configure binds." + name + ".url or use one of those names";
    }

    private static void requireDriver(BindConfig config) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!ClassUtils.isPresent(config.driverClassName(), loader != null ? loader : BindFactory.class.getClassLoader())) {
            throw new BindConfigurationException(config.name(), "Bind '" + config.name() + "': driver class '"
                    + config.driverClassName() + "' (binds." + config.name() + ".driver-class-name) was not found. "
                    + "Add the driver to the classpath or correct the class name");
        }
    }

    /**
     * Brings the bind's database to the latest version, unless its {@code migrations.sync-at-start} is off;
     * the migrator logs what it did, and a {@link BindMigratedEvent} says it.
     */
    private void syncAtStart(String name) {
        if (syncAtStart.contains(name)) {
            migrators.sync(name);
        } else {
            LOG.info("Bind '{}' is not migrated at start-up (binds.{}.migrations.sync-at-start=false)", name, name);
        }
    }
}
