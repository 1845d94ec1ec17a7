package dev.binds.bench.http.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One spawned application JVM: its configuration written to a file of its own, a free loopback port,
 * its output in a log file. It measures from just before the process is started to its first answer,
 * and reads the process's resident memory and threads from {@code /proc}.
 */
final class AppProcess implements AutoCloseable {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final App app;
    private final Process process;
    private final long startedNanos;
    private final int port;
    private final Path log;

    private AppProcess(App app, Process process, long startedNanos, int port, Path log) {
        this.app = app;
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
        this.log = log;
    }

    /**
     * @param config     the application's properties ({@code binds.*} or {@code datasources.*})
     * @param jvmOptions heap, collector and the like
     * @param work       where the configuration file and the log go
     */
    static AppProcess start(App app, Map<String, String> config, List<String> jvmOptions, Path work, String label)
            throws IOException {
        int port = freePort();
        Path properties = work.resolve(label + ".properties");
        StringBuilder text = new StringBuilder();
        new TreeMap<>(config).forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(properties, text);
        Path log = work.resolve(label + ".log");
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(jvmOptions);
        command.addAll(extraOptions(label));
        command.add("-Dmicronaut.config.files=" + properties);
        command.add("-Dmicronaut.server.port=" + port);
        command.add("-Dmicronaut.server.host=127.0.0.1");
        command.add("-cp");
        command.add(app.classPath());
        command.add(app.mainClass());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        return new AppProcess(app, pb.start(), started, port, log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Polls {@code path} until it answers 200.
     *
     * @return the time from just before the JVM was started to that answer
     * @throws IllegalStateException with the end of the application's log when it stopped or did not answer in time
     */
    Duration awaitAnswer(String path, Duration timeout) throws InterruptedException {
        long deadline = startedNanos + timeout.toNanos();
        while (true) {
            try {
                HttpConnection.Response r = HttpConnection.once(port, "GET", path, 2_000);
                long answered = System.nanoTime();
                if (r.status() == 200) {
                    return Duration.ofNanos(answered - startedNanos);
                }
                throw failure("answered " + r.status() + " to GET " + path + ": " + r.text());
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw failure("stopped with exit code " + process.exitValue() + " before answering");
                }
                if (System.nanoTime() > deadline) {
                    throw failure("did not answer GET " + path + " within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(5);
            }
        }
    }

    /** @return the body of a 200 answer to {@code GET path} */
    String get(String path) throws IOException {
        HttpConnection.Response r = HttpConnection.once(port, "GET", path, 30_000);
        if (r.status() != 200) {
            throw failure("answered " + r.status() + " to GET " + path + ": " + r.text());
        }
        return r.text();
    }

    /** @return {@code VmRSS} of the process, in kB */
    long residentKb() {
        return status("VmRSS:");
    }

    /** @return the process's live threads ({@code Threads:} of {@code /proc/<pid>/status}) */
    int threads() {
        return (int) status("Threads:");
    }

    /**
     * @return the process's threads grouped by name, digits as {@code #} and cut at a colon (the kernel keeps 15
     *         characters of a name: {@code HikariPool-7:housekeeper} is {@code HikariPool-7:ho}, counted as
     *         {@code HikariPool-#})
     */
    Map<String, Integer> threadNames() {
        Map<String, Integer> names = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            tasks.forEach(t -> {
                try {
                    String name = Files.readString(t.resolve("comm")).trim().replaceAll("[0-9]+", "#");
                    int colon = name.indexOf(':');
                    name = colon > 0 ? name.substring(0, colon) : name; // HikariPool-#:housekeeper, cut at 15 characters
                    names.merge(name, 1, Integer::sum);
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + process.pid() + "/status", e);
        }
        throw new IllegalStateException("no " + key + " in /proc/" + process.pid() + "/status");
    }

    private IllegalStateException failure(String what) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(log);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            tail = "(no log: " + e.getMessage() + ")";
        }
        return new IllegalStateException("The " + app.name() + " application " + what + ". Its log (" + log + "):\n" + tail);
    }

    /** Stops the application as an operator would (SIGTERM, so its pools close), forcibly after 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Options added to every spawned JVM, to find out why a figure is what it is:
     * {@code -Dbind.bench.app.jvm="-XX:StartFlightRecording=filename=%s.jfr,settings=profile"} ({@code %s}
     * becomes the start's label).
     */
    private static List<String> extraOptions(String label) {
        String extra = System.getProperty("bind.bench.app.jvm", "").trim();
        return extra.isEmpty() ? List.of() : List.of(extra.replace("%s", label).split("\\s+"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
