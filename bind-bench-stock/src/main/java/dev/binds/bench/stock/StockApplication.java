package dev.binds.bench.stock;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the baseline application; the start-up benchmark gives it {@code datasources.*} entries in a
 * generated file ({@code -Dmicronaut.config.files=...}) and the port ({@code -Dmicronaut.server.port=...}).
 */
public final class StockApplication {

    private StockApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(StockApplication.class, args);
    }
}
