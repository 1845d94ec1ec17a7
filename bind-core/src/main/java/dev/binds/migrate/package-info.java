/**
 * Migrations per bind, on Flyway's Java API: {@link dev.binds.migrate.BindMigrator} reports a bind's
 * {@linkplain dev.binds.migrate.BindMigrator#status() status}, brings its database to the latest version
 * with {@linkplain dev.binds.migrate.BindMigrator#sync() sync()}, and offers Flyway's migrate, validate,
 * info, repair, baseline and (when allowed) clean.
 *
 * <p>Every bind owns its schema history, configured by {@code binds.<name>.migrations.*}
 * ({@link dev.binds.MigrationSettings}). Several application instances may sync one database at once:
 * Flyway serializes them with a database lock (an advisory lock on PostgreSQL, {@code GET_LOCK} on
 * MariaDB/MySQL, a lock on the history table on H2), so each migration is applied exactly once.
 *
 * <p>Flyway is used only by a package-private class that exists only when a bind's migrations are
 * enabled: a bind with migrations disabled never loads a Flyway class, so Flyway may even be absent from
 * the classpath of an application that does not migrate.
 *
 * @since 0.1.0
 */
package dev.binds.migrate;
