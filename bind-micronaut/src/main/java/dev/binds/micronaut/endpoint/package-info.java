/**
 * The {@code binds} management endpoint: {@code GET /binds} lists every bind with its masked URL,
 * dialect, pool state and migration status; {@code GET /binds/{name}} shows one with its migration
 * history; {@code POST /binds/{name}} runs {@code sync()} on it when {@code endpoints.binds.sync-enabled}
 * is true. Sensitive by default, as Micronaut's endpoints are. Active when {@code micronaut-management} is
 * on the classpath.
 *
 * @since 0.1.0
 */
@Configuration
@Requires(property = "binds.enabled", notEquals = "false")
@Requires(classes = Endpoint.class)
package dev.binds.micronaut.endpoint;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.annotation.Endpoint;
