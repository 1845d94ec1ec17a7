package dev.binds.micronaut;

import dev.binds.BindConfig;
import dev.binds.micronaut.cli.BindCommand;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.reflect.ClassUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adds, before any bind is created, the properties the application did not set but needs:
 * <ul>
 *   <li>with no bind configured and H2 on the classpath, {@code binds.default.url} of an embedded
 *       in-memory H2 database, said once in the log;</li>
 *   <li>for every bind, {@code datasources.<bind>.dialect} derived from its URL, unless set: Micronaut
 *       Data JDBC creates its operations for a {@code DataSource} only when a
 *       {@code datasources.<name>} entry exists, and builds SQL for that dialect;</li>
 *   <li>{@code endpoints.health.jdbc.enabled=false}, unless set: Micronaut's JDBC health indicator would
 *       check every bind's {@code DataSource} again and key it by its JDBC URL, which may carry credentials;
 *       the {@code binds} indicator checks each bind under its name;</li>
 *   <li>in the command line's environment ({@value BindCommand#ENVIRONMENT}), for every bind, unless set,
 *       {@code lazy=true} and {@code migrations.sync-at-start=false}: a command connects only to the binds it
 *       works on, and sees their databases as they are.</li>
 * </ul>
 * A context bean ordered first, so these properties exist before the first bean reads them.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class BindPropertyDefaults {

    /** What an application with no bind configured gets, when H2 is on its classpath: {@value}. */
    static final String EMBEDDED_URL = "jdbc:h2:mem:default;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    /** {@code binds.enabled} switches the module: it names no bind. */
    static final Set<String> RESERVED = Set.of("enabled");

    private static final Logger LOG = LoggerFactory.getLogger(BindPropertyDefaults.class);
    private static final String H2_DRIVER = "org.h2.Driver";
    private static final String JDBC_HEALTH = "endpoints.health.jdbc.enabled";

    private final boolean embeddedDefault;

    BindPropertyDefaults(Environment environment) {
        Map<String, Object> added = new LinkedHashMap<>();
        Set<String> names = bindNames(environment);
        boolean embedded = names.isEmpty() && ClassUtils.isPresent(H2_DRIVER, getClass().getClassLoader());
        if (embedded) {
            String name = BindConfig.DEFAULT_NAME;
            added.put(BindConfiguration.PREFIX + "." + name + ".url", EMBEDDED_URL);
            names.add(name);
            LOG.info("No bind is configured: bind '{}' is an embedded in-memory H2 database ({}). Set binds.{}.url "
                    + "to use your own database", name, EMBEDDED_URL, name);
        }
        boolean commandLine = environment.getActiveNames().contains(BindCommand.ENVIRONMENT);
        for (String name : names) {
            if (!environment.getProperty(BindConfiguration.PREFIX + "." + name + ".enabled", Boolean.class, true)) {
                continue;
            }
            if (commandLine) {
                addUnlessSet(environment, added, BindConfiguration.PREFIX + "." + name + ".lazy", true);
                addUnlessSet(environment, added, BindConfiguration.PREFIX + "." + name + ".migrations.sync-at-start", false);
            }
            String dialectKey = "datasources." + name + ".dialect";
            if (!environment.containsProperty(dialectKey)) {
                Object url = added.get(BindConfiguration.PREFIX + "." + name + ".url");
                if (url == null) {
                    url = environment.getProperty(BindConfiguration.PREFIX + "." + name + ".url", String.class).orElse("");
                }
                added.put(dialectKey, dataDialect(url.toString()));
            }
        }
        if (!names.isEmpty()) {
            addUnlessSet(environment, added, JDBC_HEALTH, false);
        }
        if (!added.isEmpty()) {
            environment.addPropertySource(PropertySource.of("binds-defaults", added));
        }
        this.embeddedDefault = embedded;
    }

    /** @return whether the embedded H2 default was added */
    boolean embeddedDefault() {
        return embeddedDefault;
    }

    private static void addUnlessSet(Environment environment, Map<String, Object> added, String key, Object value) {
        if (!environment.containsProperty(key)) {
            added.put(key, value);
        }
    }

    static Set<String> bindNames(Environment environment) {
        Set<String> names = new TreeSet<>(environment.getPropertyEntries(BindConfiguration.PREFIX));
        names.removeAll(RESERVED);
        return names;
    }

    /** @return the name of Micronaut Data's {@code Dialect} constant for a JDBC URL */
    static String dataDialect(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return "POSTGRES";
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return "MYSQL";
        }
        if (u.startsWith("jdbc:h2:")) {
            return "H2";
        }
        if (u.startsWith("jdbc:oracle:")) {
            return "ORACLE";
        }
        if (u.startsWith("jdbc:sqlserver:")) {
            return "SQL_SERVER";
        }
        return "ANSI";
    }
}
