package dev.binds.bench.http;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the benchmark application. The harness gives it its binds in a generated file
 * ({@code -Dmicronaut.config.files=...}) and its port ({@code -Dmicronaut.server.port=...}).
 */
public final class BenchApplication {

    private BenchApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(BenchApplication.class, args);
    }
}
