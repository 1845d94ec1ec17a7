package dev.binds.micronaut;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.binds.Bind;
import dev.binds.BindManager;
import dev.binds.BindSession;
import dev.binds.Isolation;
import dev.binds.Row;
import dev.binds.migrate.BindMigrator;
import dev.binds.migrate.MigrationState;
import dev.binds.micronaut.data.RequestAwareDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.DependencyInjectionException;
import io.micronaut.context.exceptions.NoSuchBeanException;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The beans an application gets from its {@code binds.*} properties: zero, one and two binds, a
 * disabled bind, bad values (each message checked), an unknown name, lazy binds, start-up migrations.
 * Every database is an in-memory H2 one, named per test.
 */
class BindWiringTest {

    @Test
    void noBindConfiguredGivesAnEmbeddedH2DefaultAndSaysSoOnce() {
        ListAppender<ILoggingEvent> log = capture(BindPropertyDefaults.class);
        try (ApplicationContext ctx = ApplicationContext.run(Map.of())) {
            Bind bind = ctx.getBean(Bind.class);
            assertThat(bind.name()).isEqualTo("default");
            assertThat(bind.config().url()).isEqualTo(BindPropertyDefaults.EMBEDDED_URL);
            assertThat(bind.dialect().name()).isEqualTo("h2");
            assertThat(ctx.getBean(BindManager.class).binds()).containsOnlyKeys("default");
            assertThat(ctx.getBean(DataSource.class).unwrap(RequestAwareDataSource.class).bind()).isSameAs(bind);
            assertThat(ctx.getBean(BindSession.class).bindName()).isEqualTo("default");
            int one = bind.withSession(s -> s.queryOne("select 1 as one").orElseThrow().getInt("one"));
            assertThat(one).isEqualTo(1);
            assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("embedded in-memory H2"))
                    .hasSize(1)
                    .allSatisfy(e -> assertThat(e.getLevel().toString()).isEqualTo("INFO"));
        } catch (SQLException e) {
            throw new AssertionError(e);
        } finally {
            release(BindPropertyDefaults.class, log);
        }
    }

    @Test
    void oneBindGetsEveryBeanUnderItsNameAndIsPrimary() throws SQLException {
        Map<String, Object> props = h2("default");
        props.put("binds.default.pool.maximum-pool-size", 3);
        props.put("binds.default.pool.data-source-properties.DB_CLOSE_ON_EXIT", "FALSE");
        props.put("binds.default.session.isolation", "serializable");
        props.put("binds.default.session.statement-timeout", "5s");
        props.put("binds.default.session.fetch-size", 50);
        props.put("binds.default.password", "s3cr3t-pass");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            Bind bind = ctx.getBean(Bind.class, Qualifiers.byName("default"));
            assertThat(ctx.getBean(Bind.class)).isSameAs(bind);
            assertThat(ctx.getBean(BindManager.class).bind("default")).isSameAs(bind);
            assertThat(ctx.getBean(BindMigrator.class, Qualifiers.byName("default")).bind()).isSameAs(bind);
            assertThat(ctx.getBean(DataSource.class).unwrap(RequestAwareDataSource.class).bind()).isSameAs(bind);
            assertThat(ctx.getBean(BindSession.class, Qualifiers.byName("default")).bind()).isSameAs(bind);

            assertThat(bind.poolState().max()).isEqualTo(3);
            assertThat(bind.config().pool().dataSourceProperties()).containsEntry("DB_CLOSE_ON_EXIT", "FALSE");
            assertThat(bind.config().session().isolation()).isEqualTo(Isolation.SERIALIZABLE);
            assertThat(bind.config().session().statementTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(bind.config().session().fetchSize()).isEqualTo(50);
            // Micronaut Data finds the bind's dialect without being told
            assertThat(ctx.getProperty("datasources.default.dialect", String.class)).contains("H2");

            BindConfiguration configuration = ctx.getBean(BindConfiguration.class);
            assertThat(configuration.getPassword()).isEqualTo("s3cr3t-pass");
            assertThat(configuration.toString()).doesNotContain("s3cr3t-pass").contains("****");
            assertThat(bind.config().toString()).doesNotContain("s3cr3t-pass");
        }
    }

    @Test
    void aSingleBindOfAnotherNameIsTheOnlyCandidate() {
        try (ApplicationContext ctx = ApplicationContext.run(h2("orders"))) {
            assertThat(ctx.getBean(Bind.class).name()).isEqualTo("orders");
            assertThat(ctx.getBean(BindSession.class).bindName()).isEqualTo("orders");
            assertThat(ctx.getBeansOfType(BindSession.class)).hasSize(1);
        }
    }

    @Test
    void twoBindsEachUnderItsNameWithDefaultPrimary() throws SQLException {
        Map<String, Object> props = h2("default", "secondary");
        props.put("binds.secondary.pool.maximum-pool-size", 2);
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            Bind primary = ctx.getBean(Bind.class);
            Bind secondary = ctx.getBean(Bind.class, Qualifiers.byName("secondary"));
            assertThat(primary.name()).isEqualTo("default");
            assertThat(secondary.name()).isEqualTo("secondary");
            assertThat(secondary.poolState().max()).isEqualTo(2);
            assertThat(ctx.getBean(BindManager.class).binds()).containsOnlyKeys("default", "secondary");
            assertThat(ctx.getBeansOfType(Bind.class)).hasSize(2);
            assertThat(ctx.getBeansOfType(DataSource.class)).hasSize(2);
            assertThat(ctx.getBeansOfType(BindMigrator.class)).hasSize(2);
            assertThat(ctx.getBeansOfType(BindSession.class)).extracting(BindSession::bindName)
                    .containsExactlyInAnyOrder("default", "secondary");
            assertThat(ctx.getBean(DataSource.class).unwrap(RequestAwareDataSource.class).bind()).isSameAs(primary);
            assertThat(ctx.getBean(DataSource.class, Qualifiers.byName("secondary"))
                    .unwrap(RequestAwareDataSource.class).bind()).isSameAs(secondary);
            assertThat(ctx.getBean(BindSession.class).bindName()).isEqualTo("default");
            assertThat(ctx.getBean(BindSession.class, Qualifiers.byName("secondary")).bindName()).isEqualTo("secondary");
        }
    }

    @Test
    void aDisabledBindHasNoBeansAndNoPool() {
        Map<String, Object> props = h2("default");
        props.put("binds.secondary.enabled", false);
        props.put("binds.secondary.url", "jdbc:nowhere:at-all"); // would fail if anything tried to build it
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            assertThat(ctx.getBean(BindManager.class).binds()).containsOnlyKeys("default");
            assertThat(ctx.getBeansOfType(Bind.class)).extracting(Bind::name).containsExactly("default");
            assertThat(ctx.getBeansOfType(DataSource.class)).hasSize(1);
            assertThatThrownBy(() -> ctx.getBean(Bind.class, Qualifiers.byName("secondary")))
                    .isInstanceOf(NoSuchBeanException.class);
            assertThatThrownBy(() -> ctx.getBean(DataSource.class, Qualifiers.byName("secondary")))
                    .isInstanceOf(NoSuchBeanException.class);
            assertThatThrownBy(() -> ctx.getBean(BindMigrator.class, Qualifiers.byName("secondary")))
                    .isInstanceOf(NoSuchBeanException.class);
            assertThatThrownBy(() -> ctx.getBean(BindSession.class, Qualifiers.byName("secondary")))
                    .isInstanceOf(NoSuchBeanException.class)
                    .hasMessageContaining("Bind 'secondary' is disabled (binds.secondary.enabled=false)");
        }
    }

    @Test
    void bindsEnabledFalseSwitchesTheModuleOff() {
        Map<String, Object> props = h2("default");
        props.put("binds.enabled", false);
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            assertThat(ctx.findBean(BindManager.class)).isEmpty();
            assertThat(ctx.findBean(BindConfiguration.class)).isEmpty();
            assertThat(ctx.getBeansOfType(Bind.class)).isEmpty();
        }
        Map<String, Object> on = h2("default");
        on.put("binds.enabled", true); // not a bind named "enabled"
        try (ApplicationContext ctx = ApplicationContext.run(on)) {
            assertThat(ctx.getBean(BindManager.class).binds()).containsOnlyKeys("default");
        }
    }

    @Test
    void aMissingUrlStopsStartUpNamingBindAndProperty() {
        Map<String, Object> props = h2("default");
        props.put("binds.broken.username", "sa");
        assertStartUpFails(props, "Bind 'broken'", "binds.broken.url is missing");
    }

    @Test
    void anUnknownDriverStopsStartUpNamingBindAndProperty() {
        Map<String, Object> props = h2("broken");
        props.put("binds.broken.driver-class-name", "com.example.NoSuchDriver");
        assertStartUpFails(props, "Bind 'broken'", "com.example.NoSuchDriver", "binds.broken.driver-class-name");
        Map<String, Object> lazy = h2("broken");
        lazy.put("binds.broken.lazy", true);
        lazy.put("binds.broken.driver-class-name", "com.example.NoSuchDriver");
        assertStartUpFails(lazy, "binds.broken.driver-class-name");
        assertStartUpFails(Map.of("binds.broken.url", "jdbc:nosuchdb://localhost/x"), "Bind 'broken'",
                "binds.broken.driver-class-name");
    }

    @Test
    void anInvalidPoolValueStopsStartUpNamingBindAndProperty() {
        Map<String, Object> props = h2("broken");
        props.put("binds.broken.pool.maximum-pool-size", "lots");
        assertStartUpFails(props, "Bind 'broken'", "binds.broken.pool.maximum-pool-size", "lots");
        Map<String, Object> typo = h2("broken");
        typo.put("binds.broken.pool.maximum-pool-sise", 4);
        assertStartUpFails(typo, "unknown pool setting 'binds.broken.pool.maximum-pool-sise'");
        Map<String, Object> duration = h2("broken");
        duration.put("binds.broken.pool.connection-timeout", "soon");
        assertStartUpFails(duration, "binds.broken.pool.connection-timeout");
    }

    @Test
    void invalidSessionAndRequestValuesStopStartUpNamingBindAndProperty() {
        Map<String, Object> isolation = h2("broken");
        isolation.put("binds.broken.session.isolation", "sometimes");
        assertStartUpFails(isolation, "binds.broken.session.isolation", "sometimes");
        Map<String, Object> rollbackOn = h2("broken");
        rollbackOn.put("binds.broken.request.rollback-on", "4xx,6xx");
        assertStartUpFails(rollbackOn, "binds.broken.request.rollback-on", "6xx");
    }

    @Test
    void aFailingMigrationStopsStartUpNamingBindAndScript() {
        Map<String, Object> props = h2("broken");
        props.put("binds.broken.migrations.locations", "classpath:db/wiring-broken");
        assertStartUpFails(props, "broken", "V2__broken.sql");
    }

    @Test
    void migrationsRunAtStartUpBeforeAnyoneGetsTheBind() {
        Map<String, Object> props = h2("default");
        props.put("binds.default.migrations.locations", "classpath:db/wiring-things");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            // the manager is a context bean: the database is migrated before start-up ends
            Bind bind = ctx.getBean(BindManager.class).bind("default");
            List<Row> things = bind.withSession(s -> s.query("select name from things"));
            assertThat(things).extracting(r -> r.getString("name")).containsExactly("one");
            assertThat(ctx.getBean(BindMigrator.class).status().state()).isEqualTo(MigrationState.UP_TO_DATE);
        }
    }

    @Test
    void aLazyBindStartsNoPoolUntilUsed() throws SQLException {
        Map<String, Object> props = h2("default", "reports");
        props.put("binds.reports.lazy", true);
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            Bind reports = ctx.getBean(Bind.class, Qualifiers.byName("reports"));
            assertThat(reports.isStarted()).isFalse();
            assertThat(ctx.getBean(Bind.class).isStarted()).isTrue();
            // the bean is Micronaut Data's contextual proxy around ours
            DataSource dataSource = ctx.getBean(DataSource.class, Qualifiers.byName("reports"))
                    .unwrap(RequestAwareDataSource.class);
            try (var c = dataSource.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(reports.isStarted()).isTrue();
        }
    }

    @Test
    void aLazyBindIsMigratedWhenItsBeanIsFirstCreated() {
        Map<String, Object> props = h2("default", "reports");
        props.put("binds.reports.lazy", true);
        props.put("binds.reports.migrations.locations", "classpath:db/wiring-things");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            BindManager manager = ctx.getBean(BindManager.class);
            assertThat(manager.bind("reports").isStarted()).isFalse();
            Bind reports = ctx.getBean(Bind.class, Qualifiers.byName("reports"));
            assertThat(reports.isStarted()).isTrue();
            List<Row> things = reports.withSession(s -> s.query("select id from things"));
            assertThat(things).hasSize(1);
        }
    }

    @Test
    void anUnknownNameInjectedListsTheConfiguredBinds() {
        Map<String, Object> props = h2("default", "secondary");
        props.put("spec.name", "BindWiringTest.unknown");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            assertThatThrownBy(() -> ctx.getBean(NeedsNope.class))
                    .isInstanceOf(DependencyInjectionException.class)
                    .hasMessageContaining("No bind named 'nope'")
                    .hasMessageContaining("Configured binds: default, secondary");
            assertThatThrownBy(() -> ctx.getBean(BindSession.class, Qualifiers.byName("nope")))
                    .isInstanceOf(NoSuchBeanException.class)
                    .hasMessageContaining("Configured binds: default, secondary");
            // Bind has no such fallback (it would join every @EachBean(Bind.class)): Micronaut names the entries
            assertThatThrownBy(() -> ctx.getBean(Bind.class, Qualifiers.byName("nope")))
                    .isInstanceOf(NoSuchBeanException.class)
                    .hasMessageContaining("binds.nope");
            assertThatThrownBy(() -> ctx.getBean(BindManager.class).bind("nope"))
                    .hasMessageContaining("default").hasMessageContaining("secondary");
        }
    }

    @Test
    void closingTheContextClosesEveryPool() {
        Bind bind;
        BindManager manager;
        try (ApplicationContext ctx = ApplicationContext.run(h2("default", "secondary"))) {
            bind = ctx.getBean(Bind.class, Qualifiers.byName("secondary"));
            manager = ctx.getBean(BindManager.class);
            assertThat(bind.isClosed()).isFalse();
        }
        assertThat(bind.isClosed()).isTrue();
        assertThat(manager.isClosed()).isTrue();
    }

    @Test
    void configurationMetadataLetsIdesCompleteTheKeys() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).contains("\"binds.*.url\"", "\"binds.*.username\"", "\"binds.*.password\"",
                    "\"binds.*.driver-class-name\"", "\"binds.*.enabled\"", "\"binds.*.lazy\"", "\"binds.*.pool\"",
                    "\"binds.*.session.isolation\"", "\"binds.*.session.read-only\"",
                    "\"binds.*.session.statement-timeout\"", "\"binds.*.session.fetch-size\"",
                    "\"binds.*.migrations.locations\"", "\"binds.*.migrations.enabled\"",
                    "\"binds.*.migrations.baseline-on-migrate\"", "\"binds.*.request.rollback-on\"");
        }
    }

    /** Asks for a bind that is not configured. */
    @Singleton
    @Requires(property = "spec.name", value = "BindWiringTest.unknown")
    static class NeedsNope {
        NeedsNope(@Named("nope") BindSession session) {
        }
    }

    /** Properties for in-memory H2 binds, each on a database of its own. */
    static Map<String, Object> h2(String... names) {
        Map<String, Object> props = new HashMap<>();
        for (String name : names) {
            props.put("binds." + name + ".url", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID());
        }
        return props;
    }

    private static void assertStartUpFails(Map<String, Object> props, String... expected) {
        assertThatThrownBy(() -> ApplicationContext.run(props).close())
                .satisfies(e -> assertThat(allMessages(e)).contains(expected));
    }

    static String allMessages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    private static void release(Class<?> type, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(type)).detachAppender(appender);
    }
}
