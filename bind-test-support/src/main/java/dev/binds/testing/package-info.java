/**
 * Test support for binds: a fresh, migrated database for every bind of every test class, on PostgreSQL,
 * MariaDB or H2, with or without Docker.
 *
 * <ul>
 *   <li>{@link dev.binds.testing.BindExtension}: a JUnit 5 extension for one bind, after jdbi's
 *       {@code JdbiExtension}, with optional rollback after each test;</li>
 *   <li>{@link dev.binds.testing.BindTest}: with {@code @MicronautTest}, every bind of the application's
 *       configuration on its own database;</li>
 *   <li>{@link dev.binds.testing.TestDatabase}: one test database, for any other framework.</li>
 * </ul>
 *
 * <p>Where databases come from, in this order: the server named by {@code BIND_TEST_POSTGRES_URL} /
 * {@code BIND_TEST_MARIADB_URL} (with {@code _USER}, {@code _PASSWORD}; system property or environment
 * variable); a Testcontainers container when Testcontainers is on the classpath and Docker answers; the local
 * server on 127.0.0.1 (5432, user {@code postgres} / 3306, user {@code root}). Otherwise tests are skipped, or
 * fail under {@code CI=true}. H2 needs none of these.
 *
 * <pre>{@code
 * @RegisterExtension
 * static BindExtension db = BindExtension.postgres().withMigrations("classpath:db/orders").withRollbackPerTest();
 * }</pre>
 *
 * @since 0.1.0
 */
package dev.binds.testing;
