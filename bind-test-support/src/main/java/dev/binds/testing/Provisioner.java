package dev.binds.testing;

import dev.binds.Bind;
import dev.binds.BindConfig;
import dev.binds.BindException;
import dev.binds.MigrationSettings;
import dev.binds.migrate.BindMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes one test database: empty when no migration applies; otherwise a copy of the template for its
 * migrations' {@linkplain MigrationFingerprint fingerprint} (built under the server's lock by whichever JVM
 * needs it first), or, on H2, with templates turned off ({@code BIND_TEST_TEMPLATES=false}) or for schemas
 * that cannot be copied, migrated from scratch.
 */
final class Provisioner {

    /** How a test database got its schema. */
    enum Method {
        EMPTY, TEMPLATE, MIGRATED
    }

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    private static final int ATTEMPTS = 3;
    /** Fingerprints whose schema this JVM found it cannot copy (MariaDB with views, routines…). */
    private static final Set<String> NOT_COPYABLE = ConcurrentHashMap.newKeySet();

    private Provisioner() {
    }

    static boolean templatesEnabled() {
        return !"false".equalsIgnoreCase(ServerSettings.lookup("BIND_TEST_TEMPLATES"));
    }

    static TestDatabase provision(DatabaseServer server, String bindName, MigrationSettings migrations, String options) {
        long start = System.nanoTime();
        String fingerprint = MigrationFingerprint.of(server.kind(), bindName, migrations, classLoader());
        String name = DatabaseNames.newTestDatabase();
        Method method;
        try {
            if (fingerprint == null) {
                server.createEmpty(name);
                method = Method.EMPTY;
            } else if (!templatesEnabled() || !server.supportsTemplates() || MigrationFingerprint.UNKNOWN.equals(fingerprint)
                    || NOT_COPYABLE.contains(server.kind() + fingerprint)) {
                server.createEmpty(name);
                migrate(server, name, bindName, migrations, options);
                method = Method.MIGRATED;
            } else {
                method = fromTemplate(server, name, fingerprint, bindName, migrations, options);
            }
        } catch (BindException e) {
            server.dropQuietly(name, "its migration failed");
            throw e;
        } catch (Exception e) {
            server.dropQuietly(name, "provisioning failed");
            throw new IllegalStateException("Cannot create a test database for bind '" + bindName + "' on " + server
                    + ": " + e.getMessage(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.debug("Bind '{}': test database {} on {} ({}) in {} ms", bindName, name, server, method, took.toMillis());
        return new TestDatabase(server, name, server.jdbcUrl(name, options), bindName, migrations, method, took);
    }

    private static Method fromTemplate(DatabaseServer server, String name, String fingerprint, String bindName,
                                       MigrationSettings migrations, String options) throws Exception {
        for (int attempt = 1; ; attempt++) {
            String template = server.withTemplateLock(() -> findOrBuild(server, fingerprint, bindName, migrations, options));
            if (template == null) {
                NOT_COPYABLE.add(server.kind() + fingerprint);
                server.createEmpty(name);
                migrate(server, name, bindName, migrations, options);
                return Method.MIGRATED;
            }
            try {
                server.createFromTemplate(name, template);
                return Method.TEMPLATE;
            } catch (DatabaseServer.TemplateGoneException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("Template {} was dropped meanwhile; finding or building it again", template);
            }
        }
    }

    /** Under the template lock. @return the template, or {@code null} when the schema cannot be copied */
    private static String findOrBuild(DatabaseServer server, String fingerprint, String bindName,
                                      MigrationSettings migrations, String options) throws SQLException {
        String found = server.findTemplate(DatabaseNames.templatePrefix(fingerprint));
        if (found != null) {
            return found;
        }
        // migrated under a test-database name: if this JVM dies now, the next run drops it as a leftover
        String build = DatabaseNames.newTestDatabase();
        String template = DatabaseNames.newTemplate(fingerprint);
        server.createEmpty(build);
        try {
            migrate(server, build, bindName, migrations, options);
            if (server.publishTemplate(build, template)) {
                LOG.info("Built template database {} on {} for the migrations of bind '{}'", template, server, bindName);
                return template;
            }
            server.dropQuietly(build, "its schema cannot be copied; test databases are migrated instead");
            return null;
        } catch (RuntimeException | SQLException e) {
            server.dropQuietly(build, "template build failed");
            throw e;
        }
    }

    static void migrate(DatabaseServer server, String database, String bindName, MigrationSettings migrations,
                        String options) {
        BindConfig config = BindConfig.builder(bindName)
                .url(server.jdbcUrl(database, options)).username(server.username()).password(server.password())
                .pool(Map.of("maximum-pool-size", 2, "minimum-idle", 0))
                .migrations(migrations.withEnabled(true))
                .build();
        try (Bind bind = Bind.create(config)) {
            BindMigrator.of(bind).sync();
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Provisioner.class.getClassLoader();
    }
}
