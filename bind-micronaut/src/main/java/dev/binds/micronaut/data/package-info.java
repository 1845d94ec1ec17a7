/**
 * Micronaut Data JDBC on a bind: the bind's {@link javax.sql.DataSource} bean, through which
 * {@code @JdbcRepository} repositories and {@code @Transactional("name")} reach the database. Inside
 * an HTTP request it lends the request session's connection, so repositories and the
 * {@link dev.binds.BindSession} share one transaction; outside a request it lends pool connections.
 *
 * <p>The sessions' entity operations ({@code getOrCreate(Order.class, ..)}, {@code find}, pages) map
 * {@code @MappedEntity} classes with Micronaut Data's own model and row mapper.
 *
 * @since 0.1.0
 */
@Configuration
@Requires(property = "binds.enabled", notEquals = "false")
package dev.binds.micronaut.data;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
