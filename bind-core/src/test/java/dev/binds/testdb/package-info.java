/**
 * Test infrastructure for real databases: a fresh, isolated database per test on H2, PostgreSQL or
 * MariaDB, created and dropped over plain JDBC, plus connection counting for leak tests.
 *
 * <p>Servers default to the project's local ones (see {@code README.md}); override them with
 * {@code BIND_TEST_POSTGRES_URL} / {@code _USER} / {@code _PASSWORD} and
 * {@code BIND_TEST_MARIADB_URL} / {@code _USER} / {@code _PASSWORD} (system property or environment).
 */
package dev.binds.testdb;
