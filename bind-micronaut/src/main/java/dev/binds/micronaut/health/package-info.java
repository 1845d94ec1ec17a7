/**
 * The binds in the application's health ({@code /health}, and {@code /health/readiness}): one result
 * named {@code binds} whose details hold one result per bind, keyed by the bind's name: connectivity (a
 * pool connection validated within {@code binds.<name>.health.timeout}), pool state and migration status.
 * A bind with {@code health.critical=false} shows DOWN in its own result without taking the application
 * down; {@code health.enabled=false} leaves a bind out. Active when {@code micronaut-management} is on the
 * classpath; {@code endpoints.health.binds.enabled=false} switches it off.
 *
 * @since 0.1.0
 */
@Configuration
@Requires(property = "binds.enabled", notEquals = "false")
@Requires(classes = HealthIndicator.class)
package dev.binds.micronaut.health;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.health.indicator.HealthIndicator;
