/**
 * The harness of benchmarks 5 and 6: it spawns the benchmark application (and, for start-up, the stock
 * {@code datasources.*} application of {@code bind-bench-stock}) in JVMs of their own, drives them from
 * this JVM over loopback, and prints one table of ours against the baseline measured in the same run.
 * {@link dev.binds.bench.http.harness.HttpBenchmarks} is the entry point ({@code bind-bench-http/run}).
 *
 * @since 0.1.0
 */
package dev.binds.bench.http.harness;
