/**
 * Migrations per bind, on Flyway's Java API: {@link dev.binds.migrate.BindMigrator} reports a bind's
 * {@linkplain dev.binds.migrate.BindMigrator#status() status}, brings its database to the latest version
 * with {@linkplain dev.binds.migrate.BindMigrator#sync() sync()}, and offers Flyway's migrate, validate,
 * info, repair, baseline and (when allowed) clean.
 *
 * <p>Every bind owns its schema history, configured by {@code binds.<name>.migrations.*}
 * ({@link dev.binds.MigrationSettings}), and Flyway runs on the bind's own pool. Flyway switches each
 * connection it borrows to auto-commit and manages its own transactions, then restores the pool's
 * {@code autoCommit=false}; it holds two connections at once, so a bind that migrates needs
 * {@code pool.maximum-pool-size} of 2 or more.
 *
 * <p>Several application instances may sync one database at once. Flyway serializes them with a database
 * lock: an advisory lock on PostgreSQL, {@code GET_LOCK} on MariaDB/MySQL, both held across commits. On
 * PostgreSQL a waiting instance polls the lock once a second and gives up after about 15 minutes (the
 * migrator raises Flyway's default of 50 tries, which fails instances waiting for a migration longer than
 * a minute); on MariaDB/MySQL it waits without limit. On H2, Flyway's lock is a row lock that H2 drops after one second and that DDL releases by
 * committing, so the migrator adds a JVM lock per embedded H2 database. On databases without transactional
 * DDL (MariaDB, H2) Flyway takes the lock once per migration, so concurrent instances may each apply some
 * of the pending migrations, in order; each migration is still applied exactly once.
 *
 * <p>Flyway is used only by package-private classes that exist only when a bind's migrations are enabled:
 * a bind with migrations disabled never loads a Flyway class, so Flyway may even be absent from the
 * classpath of an application that does not migrate.
 *
 * <p>Flyway logs the database it talks to at INFO on every command, {@code status()} included; where a
 * readiness probe calls it often, set the logger {@code org.flywaydb.core.FlywayExecutor} to WARN.
 *
 * @since 0.1.0
 */
package dev.binds.migrate;
