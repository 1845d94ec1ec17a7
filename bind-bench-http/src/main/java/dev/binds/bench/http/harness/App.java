package dev.binds.bench.http.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An application the harness can spawn: its compiled classes, the file listing its run-time class path
 * (written by {@code maven-dependency-plugin:build-classpath}) and its main class.
 *
 * @param name      what the tables call it
 * @param target    the module's {@code target} directory, holding {@code classes/} and {@code classpath.txt}
 * @param mainClass the class to run
 */
record App(String name, Path target, String mainClass) {

    /** The benchmark application, with binds: {@code -Dbind.bench.http.target} or {@code bind-bench-http/target}. */
    static App binds() {
        return new App("binds", location("bind.bench.http.target", "bind-bench-http"), "dev.binds.bench.http.BenchApplication");
    }

    /** The baseline with stock {@code datasources.*}: {@code -Dbind.bench.stock.target} or {@code bind-bench-stock/target}. */
    static App stock() {
        return new App("stock", location("bind.bench.stock.target", "bind-bench-stock"), "dev.binds.bench.stock.StockApplication");
    }

    /**
     * @return the class path to run it with
     * @throws IllegalStateException naming the module to build when it was not built
     */
    String classPath() {
        Path classes = target.resolve("classes");
        Path listing = target.resolve("classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(listing)) {
            throw new IllegalStateException("The " + name + " application is not built: " + classes + " or " + listing
                    + " is missing. Build it with: mvn -B -pl bind-bench-http -am package -DskipTests");
        }
        try {
            return classes + java.io.File.pathSeparator + Files.readString(listing).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + listing + ": " + e.getMessage(), e);
        }
    }

    private static Path location(String property, String module) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        Path inModule = here.resolveSibling(module).resolve("target");
        return Files.isDirectory(here.resolve(module)) ? here.resolve(module).resolve("target") : inModule;
    }
}
