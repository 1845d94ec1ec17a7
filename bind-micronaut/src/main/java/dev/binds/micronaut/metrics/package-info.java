/**
 * Micrometer metrics per bind, when Micrometer is on the classpath and a {@code MeterRegistry} bean exists
 * ({@code micronaut-micrometer-core}): HikariCP's own pool metrics with the pool named after the bind
 * ({@code hikaricp.connections.*{pool=<bind>}}), and session metrics tagged {@code bind=<name>}.
 * {@code micronaut.metrics.enabled=false} switches them off with the rest of Micronaut's metrics.
 *
 * @since 0.1.0
 */
@Configuration
@Requires(property = "binds.enabled", notEquals = "false")
@Requires(classes = MeterRegistry.class)
package dev.binds.micronaut.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
