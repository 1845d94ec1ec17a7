/**
 * The baseline application of the start-up benchmark (benchmark 6 of {@code bind-bench-http}): the same
 * endpoints as {@code dev.binds.bench.http}'s start-up probe, over stock Micronaut SQL
 * {@code datasources.*} pools (micronaut-jdbc-hikari) instead of binds. Not published.
 *
 * @since 0.1.0
 */
package dev.binds.bench.stock;
