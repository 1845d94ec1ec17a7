package dev.binds.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Runs benchmarks 1–4 of issue 7 and the counted runs, then prints one table: benchmark, ours,
 * baseline, ratio, target, met. {@code bind-bench/run} starts it; the smoke test runs it in-process.
 *
 * <pre>{@code
 * java -cp … dev.binds.bench.Suite [--smoke | --in-process] [--only REGEX] [--out DIR]
 * }</pre>
 */
public final class Suite {

    /** How long each JMH run lasts. */
    public enum Mode {
        /**
         * 1 fork per run. Benchmarks 1–3: every method twice, in the order A B … B A, each time 2 warm-up
         * (benchmark 1: 3) and 3 measured iterations of 2 s. Benchmark 4 (90 combinations): once,
         * 1 warm-up and 3 measured iterations of 1 s.
         */
        FULL,
        /** 1 fork, 1 warm-up and 1 measured iteration of 1 s each. */
        SMOKE,
        /** In-process (no fork), one measured iteration of 100 ms, failing on the first error: CI's smoke test. */
        TEST
    }

    private final Mode mode;
    private final Pattern only;
    private final Path out;
    private final PrintStream log;
    private int failures;

    public Suite(Mode mode, String only, Path out, PrintStream log) {
        this.mode = mode;
        this.only = only == null ? null : Pattern.compile(only);
        this.out = out;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.FULL;
        String only = null;
        Path out = Path.of("bind-bench/target/bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> mode = Mode.SMOKE;
                case "--full" -> mode = Mode.FULL;
                case "--in-process" -> mode = Mode.TEST;
                case "--only" -> only = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: Suite [--smoke|--full|--in-process] [--only REGEX] [--out DIR]");
                    System.exit(2);
                }
            }
        }
        Suite suite = new Suite(mode, only, out, System.out);
        String table = suite.run();
        System.out.println();
        System.out.println(table);
        System.exit(suite.failures == 0 ? 0 : 1);
    }

    /** @return how many benchmarks failed (threw, or found wrong rows) in the last {@link #run()} */
    public int failures() {
        return failures;
    }

    /**
     * Runs everything and returns the table as Markdown (also written to {@code table.md} in the output directory).
     *
     * @throws IllegalStateException when PostgreSQL or MariaDB is not reachable
     */
    public String run() throws Exception {
        for (String db : List.of(Databases.POSTGRES, Databases.MARIADB)) {
            String why = Databases.unreachable(db);
            if (why != null) {
                throw new IllegalStateException(why);
            }
            Databases.recreate(db);
        }
        Files.createDirectories(out);
        long started = System.nanoTime();
        String loadBefore = loadAverage();
        List<TableRow> counted = counted();
        List<TableRow> rows = new ArrayList<>();
        List<Plan.Group> groups = Plan.groups().stream().filter(this::selected).filter(this::inMode).toList();
        int n = 0;
        for (Plan.Group g : groups) {
            n++;
            log.printf("[%d/%d] %s, %d thread(s), %s%n", n, groups.size(), g.type().getSimpleName(), g.threads(),
                    String.join(", ", g.methods()));
            rows.addAll(rows(g, runGroup(g, n)));
        }
        rows.addAll(counted);
        rows.add(TableRow.notMeasured("5. HTTP end to end", "≥ 0.97× req/s (needs bind-micronaut)"));
        rows.add(TableRow.notMeasured("6. start-up vs. number of binds", "lazy bind < 1 ms, no connection (needs bind-micronaut)"));
        String table = header(started, loadBefore) + Table.markdown(rows);
        Files.writeString(out.resolve("table.md"), table);
        return table;
    }

    /** In-process, each benchmark runs once, at its highest thread count: every method and parameter, fewer repeats. */
    private boolean inMode(Plan.Group g) {
        return mode != Mode.TEST || Plan.groups().stream()
                .filter(other -> other.type() == g.type())
                .allMatch(other -> other.threads() <= g.threads());
    }

    /** The counted runs, first: they are short, and a failure shows before the long part. */
    private List<TableRow> counted() throws Exception {
        if (only != null && !only.matcher("RoundTrips").find()) {
            return List.of();
        }
        log.println("[counted] round trips through the counting proxy, transactions from pg_stat_database");
        long t0 = System.nanoTime();
        try {
            List<TableRow> rows = new RoundTrips(mode == Mode.TEST ? 5 : 100, mode == Mode.TEST ? 20 : 500)
                    .all(List.of(Databases.POSTGRES, Databases.MARIADB));
            log.printf("  done in %s%n", seconds(System.nanoTime() - t0));
            return rows;
        } catch (Exception e) {
            if (mode == Mode.TEST) {
                throw e;
            }
            failures++;
            e.printStackTrace(log);
            return List.of(new TableRow("counted runs", "FAILED: " + e, "", "—", "—", "no"));
        }
    }

    private boolean selected(Plan.Group g) {
        return only == null || only.matcher(g.type().getSimpleName()).find() || only.matcher(g.number()).matches();
    }

    /**
     * Runs one group: every method of it, with all its parameters, one JMH run per method (forked),
     * twice in the full run, the second time in reverse order.
     *
     * @return parameter key → method → pooled iterations
     */
    private Map<String, Map<String, Samples>> runGroup(Plan.Group g, int index) throws IOException {
        Map<String, Map<String, Samples>> byParams = new TreeMap<>(Comparator.comparing(Suite::paramOrder));
        for (String key : expectedParamKeys(g.type())) {
            byParams.put(key, new LinkedHashMap<>());
        }
        long t0 = System.nanoTime();
        List<List<String>> runs = new ArrayList<>();
        if (mode == Mode.TEST) {
            runs.add(g.methods());
        } else {
            int rounds = mode == Mode.FULL && !g.quick() ? 2 : 1;
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(g.methods());
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                order.forEach(m -> runs.add(List.of(m)));
            }
        }
        int expected = 0;
        int got = 0;
        for (int r = 0; r < runs.size(); r++) {
            String name = String.format("%02d-%s-t%d-%02d", index, g.type().getSimpleName(), g.threads(), r + 1);
            Collection<RunResult> results = runJmh(g, runs.get(r), name);
            expected += runs.get(r).size() * byParams.size();
            got += results.size();
            for (RunResult result : results) {
                String benchmark = result.getParams().getBenchmark();
                String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                byParams.computeIfAbsent(paramKey(result), k -> new LinkedHashMap<>())
                        .computeIfAbsent(method, k -> new Samples()).add(result);
            }
        }
        if (got < expected) {
            failures += expected - got;
            log.printf("  %d of %d runs FAILED: see the logs in %s%n", expected - got, expected, out);
        }
        log.printf("  done in %s%n", seconds(System.nanoTime() - t0));
        return byParams;
    }

    private Collection<RunResult> runJmh(Plan.Group g, List<String> methods, String name) throws IOException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + g.type().getName().replace(".", "\\.") + "\\.(" + String.join("|", methods) + ")$")
                .threads(g.threads())
                .output(out.resolve(name + ".log").toString())
                .result(out.resolve(name + ".json").toString())
                .resultFormat(ResultFormatType.JSON);
        switch (mode) {
            case FULL -> {
                if (g.quick()) {
                    options.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1))
                            .measurementIterations(3).measurementTime(TimeValue.seconds(1));
                } else {
                    options.forks(1).warmupIterations("1".equals(g.number()) ? 3 : 2).warmupTime(TimeValue.seconds(2))
                            .measurementIterations(3).measurementTime(TimeValue.seconds(2));
                }
            }
            case SMOKE -> options.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(1).measurementTime(TimeValue.seconds(1));
            case TEST -> options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100)).shouldFailOnError(true);
        }
        if (mode != Mode.TEST) {
            options.jvmArgs("-Xms1g", "-Xmx1g").addProfiler(GCProfiler.class);
        }
        try {
            return new Runner(options.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException(g.type().getSimpleName() + " " + methods + " with " + g.threads()
                    + " thread(s) failed: " + e.getMessage() + " (log: " + out.resolve(name + ".log") + ")", e);
        }
    }

    /** @return the keys {@link #paramKey} gives the runs of a class: every combination of its {@code @Param} values */
    private static List<String> expectedParamKeys(Class<?> type) {
        List<String> keys = new ArrayList<>();
        Param hits = fieldParam(type, "hitRatio");
        for (String db : fieldParam(type, "db").value()) {
            if (hits == null) {
                keys.add(db);
            } else {
                for (String hit : hits.value()) {
                    keys.add(db + " · " + hit + "% hits");
                }
            }
        }
        return keys;
    }

    private static Param fieldParam(Class<?> type, String name) {
        try {
            return type.getField(name).getAnnotation(Param.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private List<TableRow> rows(Plan.Group g, Map<String, Map<String, Samples>> byParams) {
        List<TableRow> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Samples>> e : byParams.entrySet()) {
            String where = " · " + e.getKey() + " · " + g.threads() + " thr";
            for (Plan.Pair p : g.pairs()) {
                Samples ours = e.getValue().get(p.ours());
                Samples base = e.getValue().get(p.baseline());
                rows.add(Table.throughputRow(g.number() + ". " + p.label() + where, ours, base, p.target()));
                if (p.alloc() && mode != Mode.TEST) {
                    rows.add(Table.allocRow(g.number() + ". " + p.label() + ", allocation/op" + where, ours, base));
                }
            }
        }
        return rows;
    }

    private static String paramKey(RunResult r) {
        String db = r.getParams().getParam("db");
        String hit = r.getParams().getParam("hitRatio");
        return db + (hit == null ? "" : " · " + hit + "% hits");
    }

    private static String paramOrder(String key) {
        String db = key.split(" ")[0];
        int dbIndex = List.of(Databases.H2, Databases.POSTGRES, Databases.MARIADB).indexOf(db);
        String hit = key.contains("% hits") ? key.replaceAll(".* (\\d+)% hits", "$1") : "0";
        return dbIndex + String.format("%03d", Integer.parseInt(hit));
    }

    private String header(long started, String loadBefore) {
        return "Suite mode " + mode.name().toLowerCase() + ", " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)
                + ", took " + seconds(System.nanoTime() - started) + "; " + Runtime.getRuntime().availableProcessors()
                + " CPUs, Java " + System.getProperty("java.version") + "; load average before: " + loadBefore
                + ", after: " + loadAverage() + (failures > 0 ? "; " + failures + " benchmark run(s) FAILED" : "") + "\n\n";
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String seconds(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }
}
