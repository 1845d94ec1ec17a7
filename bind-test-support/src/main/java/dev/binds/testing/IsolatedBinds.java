package dev.binds.testing;

import dev.binds.MigrationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases of one {@link BindTest} class: made from the application's configuration when micronaut-test
 * asks for properties, released after the class. A JVM shutdown hook drops whatever a failed start-up left.
 */
final class IsolatedBinds {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedBinds.class);
    private static final Pattern URL_KEY = Pattern.compile("binds\\.([^.\\[]+)\\.url");
    private static final Map<Class<?>, IsolatedBinds> BY_CLASS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> BY_CLASS.values().forEach(IsolatedBinds::dropAll),
                "bind-test-support cleanup"));
    }

    private final Class<?> testClass;
    private final Map<String, TestDatabase> databases = new LinkedHashMap<>();
    private Map<String, String> properties;

    private IsolatedBinds(Class<?> testClass) {
        this.testClass = testClass;
    }

    static IsolatedBinds forClass(Class<?> testClass) {
        return BY_CLASS.computeIfAbsent(testClass, IsolatedBinds::new);
    }

    /**
     * @param configuration the application's properties, flattened ({@code binds.orders.url})
     * @param only          the binds to isolate; empty for all
     * @return the properties that point every bind at its test database
     */
    synchronized Map<String, String> provision(Map<String, Object> configuration, String... only) {
        if (properties != null) {
            return properties;
        }
        Map<String, String> props = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> bind : urls(configuration).entrySet()) {
                String name = bind.getKey();
                if (only.length > 0 && !Arrays.asList(only).contains(name)
                        || "false".equalsIgnoreCase(String.valueOf(configuration.get("binds." + name + ".enabled")))) {
                    continue;
                }
                DatabaseKind kind = DatabaseKind.forUrl(bind.getValue());
                TestDatabase db = TestDatabase.create(kind, name, migrations(configuration, name),
                        kind == DatabaseKind.H2 ? h2Options(bind.getValue()) : null);
                databases.put(name, db);
                props.put("binds." + name + ".url", db.url());
                props.put("binds." + name + ".username", db.username());
                props.put("binds." + name + ".password", db.password());
                LOG.debug("{}: bind '{}' on test database {}", testClass.getName(), name, db);
            }
        } catch (RuntimeException e) {
            dropAll();
            BY_CLASS.remove(testClass);
            throw e;
        }
        properties = Map.copyOf(props);
        return properties;
    }

    /** @return the databases by bind name, for tests of this module */
    synchronized Map<String, TestDatabase> databases() {
        return Map.copyOf(databases);
    }

    /**
     * After the class: checks that no connection to its databases is open (its application context has
     * stopped), then drops them.
     *
     * @throws AssertionError naming the test class when one was still in use
     */
    static void release(Class<?> testClass) {
        IsolatedBinds binds = BY_CLASS.remove(testClass);
        if (binds == null) {
            return;
        }
        AssertionError leaks = null;
        synchronized (binds) {
            for (TestDatabase db : binds.databases.values()) {
                try {
                    db.assertNoOpenConnections("Test class " + testClass.getName()
                            + " (its application context closed)");
                } catch (AssertionError e) {
                    if (leaks == null) {
                        leaks = e;
                    } else {
                        leaks.addSuppressed(e);
                    }
                }
            }
            binds.dropAll();
        }
        if (leaks != null) {
            throw leaks;
        }
    }

    private synchronized void dropAll() {
        for (TestDatabase db : databases.values()) {
            try {
                db.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not drop {}: {}", db, e.getMessage());
            }
        }
        databases.clear();
    }

    static Map<String, String> urls(Map<String, Object> configuration) {
        Map<String, String> urls = new TreeMap<>();
        configuration.forEach((key, value) -> {
            Matcher m = URL_KEY.matcher(key);
            if (m.matches() && value != null && !value.toString().isBlank()) {
                urls.put(m.group(1), value.toString());
            }
        });
        return urls;
    }

    static MigrationSettings migrations(Map<String, Object> configuration, String name) {
        String prefix = "binds." + name + ".migrations.";
        MigrationSettings s = MigrationSettings.DEFAULTS;
        Object enabled = configuration.get(prefix + "enabled");
        if (enabled != null) {
            s = s.withEnabled(Boolean.valueOf(enabled.toString()));
        }
        List<String> locations = list(configuration, prefix + "locations");
        if (!locations.isEmpty()) {
            s = s.withLocations(locations);
        }
        List<String> schemas = list(configuration, prefix + "schemas");
        if (!schemas.isEmpty()) {
            s = s.withSchemas(schemas);
        }
        Object table = configuration.get(prefix + "table");
        if (table != null) {
            s = s.withTable(table.toString());
        }
        Map<String, String> placeholders = new TreeMap<>();
        configuration.forEach((key, value) -> {
            if (key.startsWith(prefix + "placeholders.") && value != null) {
                placeholders.put(key.substring((prefix + "placeholders.").length()), value.toString());
            }
        });
        return placeholders.isEmpty() ? s : s.withPlaceholders(placeholders);
    }

    /** A list property: a YAML list, a comma-separated string, or indexed keys {@code key[0]}, {@code key[1]}. */
    private static List<String> list(Map<String, Object> configuration, String key) {
        List<String> out = new ArrayList<>();
        Object value = configuration.get(key);
        if (value instanceof Collection<?> c) {
            c.forEach(v -> out.add(v.toString().trim()));
        } else if (value != null) {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        for (int i = 0; configuration.containsKey(key + "[" + i + "]"); i++) {
            out.add(configuration.get(key + "[" + i + "]").toString().trim());
        }
        return out;
    }

    /** @return the settings of an H2 URL worth keeping ({@code MODE=…}), without the ones that name storage */
    static String h2Options(String url) {
        String[] parts = url.split(";");
        List<String> keep = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String key = parts[i].split("=", 2)[0].trim().toUpperCase(java.util.Locale.ROOT);
            if (!key.isEmpty() && !key.equals("DB_CLOSE_DELAY") && !key.equals("DB_CLOSE_ON_EXIT")) {
                keep.add(parts[i].trim());
            }
        }
        return String.join(";", keep);
    }
}
