/**
 * JMH benchmarks of bind-core's hot paths, each measured beside its baseline (raw HikariCP + JDBC
 * doing the same work on a pool with the same settings) in the same run, so that the ratio compares
 * like with like; a counting proxy that measures the round trips each side sends the server; and
 * {@link dev.binds.bench.Suite}, which runs them all and prints one table. Not published.
 *
 * @since 0.1.0
 */
package dev.binds.bench;
