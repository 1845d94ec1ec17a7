/**
 * The application of benchmarks 5 and 6 of {@code bind-bench}: one Micronaut application that reads and
 * updates an account by primary key through a request's {@code @Named("bench") BindSession}
 * ({@code /session/accounts}) and through raw JDBC on the same bind's pool ({@code /raw/accounts}), and
 * answers {@code /probe} without touching a database so that its first answer marks the end of start-up.
 * {@link dev.binds.bench.http.harness.HttpBenchmarks} spawns it and measures. Not published.
 *
 * @since 0.1.0
 */
package dev.binds.bench.http;
