package dev.binds;

import com.zaxxer.hikari.HikariConfig;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A bind's HikariCP settings, every one HikariCP has that can be written as text
 * ({@code maximum-pool-size}, {@code connection-timeout}, {@code data-source-properties.*}, …).
 * Values are checked when the settings are made, so a typo or a bad value fails at start-up with
 * the bind's name and the key. Keys that belong to the bind itself ({@code jdbc-url},
 * {@code username}, {@code pool-name}, {@code auto-commit}) are refused with a pointer to the right place.
 *
 * @since 0.1.0
 */
public final class PoolSettings {

    /** No settings: HikariCP's defaults, pool named after the bind. */
    public static final PoolSettings DEFAULTS = new PoolSettings(Map.of(), Map.of(), Map.of());

    private static final Map<String, String> REFUSED = Map.of(
            "jdbc-url", "set binds.<name>.url instead",
            "url", "set binds.<name>.url instead",
            "username", "set binds.<name>.username instead",
            "password", "set binds.<name>.password instead",
            "driver-class-name", "set binds.<name>.driver-class-name instead",
            "pool-name", "the pool is always named after the bind",
            "auto-commit", "sessions manage transactions themselves; connections always start with auto-commit off");

    private final Map<PoolProperty, Object> values;
    private final Map<String, String> dataSourceProperties;
    private final Map<String, String> healthCheckProperties;

    private PoolSettings(Map<PoolProperty, Object> values, Map<String, String> dataSourceProperties,
                         Map<String, String> healthCheckProperties) {
        this.values = values;
        this.dataSourceProperties = dataSourceProperties;
        this.healthCheckProperties = healthCheckProperties;
    }

    /**
     * Reads settings from a map of configuration keys (kebab-case or camelCase) to values; nested
     * maps and dotted keys both work for {@code data-source-properties}.
     *
     * @param bindName the bind the settings belong to, for messages
     * @param raw      the settings
     * @return the checked settings
     * @throws BindConfigurationException naming the bind and the key when a key is unknown or a value bad
     */
    public static PoolSettings of(String bindName, Map<String, ?> raw) {
        Map<PoolProperty, Object> values = new LinkedHashMap<>();
        Map<String, String> dsProps = new LinkedHashMap<>();
        Map<String, String> hcProps = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : flatten(raw).entrySet()) {
            String key = e.getKey();
            String prefixKey = PoolProperty.normalize(key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
            PoolProperty property = PoolProperty.forKey(prefixKey);
            String where = "binds." + bindName + ".pool." + key;
            if (property == null) {
                String hint = REFUSED.get(PoolProperty.normalize(key));
                throw new BindConfigurationException(bindName, "Bind '" + bindName + "': unknown pool setting '" + where
                        + "'" + (hint != null ? ": " + hint.replace("<name>", bindName) : ". Known settings: " + knownKeys()));
            }
            if (property.kind() == PoolProperty.Kind.PREFIX) {
                if (!key.contains(".")) {
                    throw new BindConfigurationException(bindName, "Bind '" + bindName + "': '" + where
                            + "' takes named entries, as in " + where + ".someDriverProperty=value");
                }
                String sub = key.substring(key.indexOf('.') + 1);
                (property == PoolProperty.DATA_SOURCE_PROPERTIES ? dsProps : hcProps).put(sub, String.valueOf(e.getValue()));
                continue;
            }
            try {
                values.put(property, property.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new BindConfigurationException(bindName, "Bind '" + bindName + "': invalid value for '" + where
                        + "': " + ex.getMessage(), ex);
            }
        }
        PoolSettings settings = new PoolSettings(Collections.unmodifiableMap(values), Map.copyOf(dsProps), Map.copyOf(hcProps));
        try {
            settings.applyTo(new HikariConfig());
        } catch (IllegalArgumentException e) {
            throw new BindConfigurationException(bindName, "Bind '" + bindName + "': invalid pool settings (binds."
                    + bindName + ".pool.*): " + e.getMessage(), e);
        }
        return settings;
    }

    /** @return every key this class accepts, kebab-case */
    public static Set<String> knownKeys() {
        return Arrays.stream(PoolProperty.values())
                .map(p -> p.kind() == PoolProperty.Kind.PREFIX ? p.key() + ".*" : p.key())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return the value of one setting as configured and parsed (durations in milliseconds), or {@code null} */
    public Object get(String key) {
        PoolProperty property = PoolProperty.forKey(key);
        return property == null ? null : values.get(property);
    }

    /** @return the driver properties set under {@code data-source-properties.*} */
    public Map<String, String> dataSourceProperties() {
        return dataSourceProperties;
    }

    /** @return whether no setting was given */
    public boolean isEmpty() {
        return values.isEmpty() && dataSourceProperties.isEmpty() && healthCheckProperties.isEmpty();
    }

    /** Applies every setting to a HikariCP configuration; called once, before the pool starts. */
    void applyTo(HikariConfig config) {
        values.forEach((property, value) -> property.apply(config, value));
        dataSourceProperties.forEach(config::addDataSourceProperty);
        healthCheckProperties.forEach(config::addHealthCheckProperty);
    }

    private static Map<String, Object> flatten(Map<String, ?> raw) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> flattenInto(flat, k, v));
        }
        return flat;
    }

    private static void flattenInto(Map<String, Object> flat, String key, Object value) {
        if (value instanceof Map<?, ?> nested) {
            nested.forEach((k, v) -> flattenInto(flat, key + "." + k, v));
        } else {
            flat.put(key, value);
        }
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((p, v) -> shown.put(p.key(), v));
        dataSourceProperties.forEach((k, v) -> shown.put("data-source-properties." + k,
                PoolProperty.normalize(k).contains("password") ? Secrets.MASK : v));
        return "PoolSettings" + shown;
    }
}
