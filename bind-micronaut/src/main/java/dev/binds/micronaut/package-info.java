/**
 * Binds in a Micronaut application: every {@code binds.<name>} entry of the configuration
 * ({@link dev.binds.micronaut.BindConfiguration}) becomes, under that name, a
 * {@link dev.binds.Bind}, its {@link javax.sql.DataSource}, its
 * {@link dev.binds.migrate.BindMigrator} and a request-scoped {@link dev.binds.BindSession}; one
 * {@link dev.binds.BindManager} holds them all. The bind named {@code default} is primary. With no
 * bind configured and H2 on the classpath, {@code default} is an embedded in-memory H2 database.
 *
 * <p>Everything here is wired at compile time by Micronaut's annotation processor: no reflection and
 * no classpath scanning at run time. {@code binds.enabled=false} switches the whole module off.
 *
 * @since 0.1.0
 */
@Configuration
@Requires(property = "binds.enabled", notEquals = "false")
package dev.binds.micronaut;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
