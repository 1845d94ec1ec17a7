package dev.binds.testing;

import dev.binds.Bind;
import dev.binds.BindConfig;
import dev.binds.BindSession;
import dev.binds.MigrationSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JUnit 5 extension that gives a test class one bind on its own fresh, migrated database, after jdbi's
 * {@code JdbiExtension}. Registered on a {@code static} field, the database lives for the class: made before
 * the first test, checked for leaked connections and dropped after the last. Registered on an instance field,
 * every test gets its own database.
 *
 * <pre>{@code
 * class OrderRepositoryTest {
 *     @RegisterExtension
 *     static BindExtension db = BindExtension.postgres()
 *             .withName("orders")
 *             .withMigrations("classpath:db/orders")
 *             .withScript("classpath:fixtures/customers.sql")   // before each test, in its transaction
 *             .withRollbackPerTest();                             // each test starts from the migrated state
 *
 *     @Test
 *     void savesOrder(BindSession session) {
 *         session.update("insert into orders(ref) values (?)", "A-1");
 *         assertThat(session.query("select * from orders")).hasSize(1);
 *     }                                                           // rolled back here
 *
 *     @Test
 *     void countsOrders(Bind orders) { ... }
 * }
 * }</pre>
 *
 * <p>Test methods may take {@link Bind}, {@link BindSession} and {@link TestDatabase} parameters; with several
 * extensions in one class, mark them with {@link BindName}. The {@code BindSession} belongs to the test: with
 * {@link #withRollbackPerTest()} it is the session whose transaction is rolled back after the test (do not
 * commit it, and note that DDL commits implicitly on MariaDB); without, it is closed after the test, which
 * rolls back what it did not commit.
 *
 * <p>{@code @Nested} classes share their outer class's database. The tests of one class run one at a time
 * (the extension holds the current test's session), as JUnit runs them unless told otherwise.
 *
 * <p>Where the database comes from: see {@link DatabaseKind} and the module's README. Without a server the
 * class is skipped, or fails under {@code CI=true} ({@link DatabaseUnavailableException}).
 *
 * @since 0.1.0
 */
public final class BindExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final DatabaseKind kind;
    private String name = BindConfig.DEFAULT_NAME;
    private MigrationSettings migrations = MigrationSettings.DEFAULTS;
    private Map<String, ?> pool = Map.of();
    private boolean rollbackPerTest;
    private final List<String> scripts = new ArrayList<>();
    private final List<String> classScripts = new ArrayList<>();

    private TestDatabase database;
    private Bind bind;
    private BindSession session;
    private boolean perClass;
    /** Classes now running with this extension: the outer class, then its {@code @Nested} classes. */
    private int classDepth;

    private BindExtension(DatabaseKind kind) {
        this.kind = kind;
    }

    /** @return an extension for a bind on PostgreSQL */
    public static BindExtension postgres() {
        return new BindExtension(DatabaseKind.POSTGRES);
    }

    /** @return an extension for a bind on MariaDB */
    public static BindExtension mariadb() {
        return new BindExtension(DatabaseKind.MARIADB);
    }

    /** @return an extension for a bind on H2, in memory */
    public static BindExtension h2() {
        return new BindExtension(DatabaseKind.H2);
    }

    /** @return an extension for a bind on a database of that kind */
    public static BindExtension of(DatabaseKind kind) {
        return new BindExtension(Objects.requireNonNull(kind, "kind"));
    }

    /**
     * @param bindName the bind's name (default {@value BindConfig#DEFAULT_NAME}): the pool's name, the default
     *                 migration location {@code classpath:db/<name>}, the {@link BindName} of its parameters
     * @return this extension
     */
    public BindExtension withName(String bindName) {
        checkNotStarted();
        this.name = Objects.requireNonNull(bindName, "bindName");
        return this;
    }

    /**
     * @param locations where the migration scripts are, e.g. {@code classpath:db/orders}; without this call,
     *                  {@code classpath:db/<name>} is used when it holds scripts
     * @return this extension
     */
    public BindExtension withMigrations(String... locations) {
        return withMigrations(MigrationSettings.DEFAULTS.withEnabled(true).withLocations(Arrays.asList(locations)));
    }

    /** @param settings the bind's migration settings, as in {@code binds.<name>.migrations.*} @return this extension */
    public BindExtension withMigrations(MigrationSettings settings) {
        checkNotStarted();
        this.migrations = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** @return this extension, with migrations turned off: the database stays empty */
    public BindExtension withoutMigrations() {
        return withMigrations(MigrationSettings.DEFAULTS.withEnabled(false));
    }

    /** @param settings HikariCP settings for the bind's pool, as in {@code binds.<name>.pool.*} @return this extension */
    public BindExtension withPool(Map<String, ?> settings) {
        checkNotStarted();
        this.pool = Map.copyOf(settings);
        return this;
    }

    /**
     * Rolls back each test's work: the test's {@link BindSession} is opened before the test (and before its
     * {@link #withScript(String) scripts}) and rolled back after it, so every test starts from the state the
     * migrations and class scripts left.
     *
     * @return this extension
     */
    public BindExtension withRollbackPerTest() {
        checkNotStarted();
        this.rollbackPerTest = true;
        return this;
    }

    /**
     * @param location a fixture script ({@code classpath:…} or {@code filesystem:…}) run before each test, in the
     *                 test's session: rolled back with it when {@link #withRollbackPerTest()} is on, else committed
     * @return this extension
     */
    public BindExtension withScript(String location) {
        checkNotStarted();
        scripts.add(Objects.requireNonNull(location, "location"));
        return this;
    }

    /**
     * @param location a fixture script run once, after the migrations, before the class's first test; committed
     * @return this extension
     */
    public BindExtension withClassScript(String location) {
        checkNotStarted();
        classScripts.add(Objects.requireNonNull(location, "location"));
        return this;
    }

    /** @return the bind's name */
    public String name() {
        return name;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** @return the bind on the test database, while tests of the class run */
    public Bind bind() {
        return started(bind);
    }

    /** @return the current test's session */
    public BindSession session() {
        return started(session);
    }

    /** @return the test database, while tests of the class run */
    public TestDatabase database() {
        return started(database);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // @Nested classes inherit the extension and call back again: they share the outer class's database
        if (classDepth++ == 0) {
            perClass = true;
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
        session = bind.openSession();
        if (!scripts.isEmpty()) {
            scripts.forEach(script -> SqlScript.run(session, script));
            if (!rollbackPerTest) {
                session.commit();
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BindSession s = session;
        session = null;
        RuntimeException failure = null;
        try {
            if (s != null) {
                if (rollbackPerTest) {
                    s.rollback();
                }
                s.close();
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        if (!perClass) {
            stop(context, failure);
        } else if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stop(context, null);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type != Bind.class && type != BindSession.class && type != TestDatabase.class) {
            return false;
        }
        return parameter.findAnnotation(BindName.class).map(n -> n.value().equals(name)).orElse(true);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == BindSession.class) {
            if (!(parameter.getDeclaringExecutable() instanceof Method) || session == null) {
                throw new ParameterResolutionException("Bind '" + name + "': a BindSession belongs to one test; take it "
                        + "as a parameter of a test method (or of a @BeforeEach/@AfterEach method), not of "
                        + parameter.getDeclaringExecutable());
            }
            return session;
        }
        if (database == null) {
            throw new ParameterResolutionException("Bind '" + name + "' is not started yet: register the extension "
                    + "on a static field to take " + type.getSimpleName() + " in a constructor or @BeforeAll method");
        }
        return type == Bind.class ? bind : database;
    }

    private void start() {
        database = TestDatabase.create(kind, name, migrations);
        try {
            bind = Bind.create(database.configFor(name).pool(pool).build());
            if (!classScripts.isEmpty()) {
                bind.useTransaction(s -> classScripts.forEach(script -> SqlScript.run(s, script)));
            }
        } catch (RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
    }

    /** Closes the bind, checks that nothing of the test still holds a connection, drops the database. */
    private void stop(ExtensionContext context, RuntimeException earlier) {
        Throwable failure = earlier;
        try {
            if (session != null) {
                session.close();
                session = null;
            }
            if (bind != null) {
                bind.close();
            }
            if (database != null) {
                database.assertNoOpenConnections("Test class " + context.getRequiredTestClass().getName());
            }
        } catch (RuntimeException | AssertionError e) {
            failure = add(failure, e);
        } finally {
            try {
                if (database != null) {
                    database.close();
                }
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
            database = null;
            bind = null;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof AssertionError a) {
            throw a;
        }
    }

    private void closeQuietly(RuntimeException cause) {
        try {
            if (bind != null) {
                bind.close();
            }
            database.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        bind = null;
        database = null;
    }

    private static Throwable add(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("Bind '" + name + "' is not started: its tests are not running");
        }
        return value;
    }

    private void checkNotStarted() {
        if (database != null) {
            throw new IllegalStateException("Bind '" + name + "' has started: configure the extension where it is declared");
        }
    }

    @Override
    public String toString() {
        return "BindExtension[" + name + ", " + kind.productName() + (database == null ? "" : ", " + database.name()) + "]";
    }
}
