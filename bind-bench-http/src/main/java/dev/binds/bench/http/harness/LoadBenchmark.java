package dev.binds.bench.http.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 5: one application JVM serving the same work through a request's {@code BindSession}
 * ({@code /session/accounts}) and through raw JDBC on the same bind's pool ({@code /raw/accounts}); a
 * closed-loop load of a fixed number of connections, on loopback, on each in turn. After a warm-up of
 * both, the runs alternate and the order flips every round (ours, raw, raw, ours, ours, raw …) so
 * that neither side always runs first or last. Requests per second over all of a side's runs, and the
 * 99th percentile of all its latencies.
 */
final class LoadBenchmark {

    /**
     * @param warmup      per side, before the measured runs
     * @param run         one measured run
     * @param rounds      measured runs per side
     * @param connections concurrent connections of the load generator
     * @param update      whether to measure the update variant too
     */
    record Settings(Duration warmup, Duration run, int rounds, int connections, boolean update) {
        static Settings full() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(8), 5, 16, true);
        }

        static Settings smoke() {
            return new Settings(Duration.ofMillis(500), Duration.ofSeconds(1), 1, 8, true);
        }
    }

    /** Every run of one variant, by side. */
    record Outcome(String variant, List<LoadGenerator.Result> ours, List<LoadGenerator.Result> raw) {

        long requests(List<LoadGenerator.Result> side) {
            return side.stream().mapToLong(LoadGenerator.Result::requests).sum();
        }

        long errors(List<LoadGenerator.Result> side) {
            return side.stream().mapToLong(LoadGenerator.Result::errors).sum();
        }

        double perSecond(List<LoadGenerator.Result> side) {
            return requests(side) / side.stream().mapToDouble(LoadGenerator.Result::seconds).sum();
        }

        /** @return ours / raw requests per second of each round, in the order they ran */
        List<Double> roundRatios() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(ours.size(), raw.size()); i++) {
                ratios.add(ours.get(i).perSecond() / raw.get(i).perSecond());
            }
            return ratios;
        }

        double p99(List<LoadGenerator.Result> side) {
            long[] all = side.stream().flatMapToLong(r -> java.util.Arrays.stream(r.latencies())).sorted().toArray();
            return LoadGenerator.Result.percentileMillis(all, 99);
        }
    }

    /** The JVM of the application under load: fixed heap, the same for both sides since they share it. */
    static final List<String> JVM = List.of("-Xms256m", "-Xmx256m", "-XX:+UseParallelGC");
    /** Pool of bind {@code bench}, which both endpoints use. */
    static final int POOL_SIZE = 8;

    private final Settings settings;
    private final Postgres postgres;
    private final Path work;
    private final Progress progress;

    LoadBenchmark(Settings settings, Postgres postgres, Path work, Progress progress) {
        this.settings = settings;
        this.postgres = postgres;
        this.work = work;
        this.progress = progress;
    }

    List<Outcome> run() throws Exception {
        postgres.recreateWithAccounts();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("micronaut.application.name", "bind-bench-http");
        config.put("binds.bench.url", postgres.url());
        config.put("binds.bench.username", postgres.user());
        if (!postgres.password().isEmpty()) {
            config.put("binds.bench.password", postgres.password());
        }
        config.put("binds.bench.pool.maximum-pool-size", String.valueOf(POOL_SIZE));
        List<Outcome> outcomes = new ArrayList<>();
        try (AppProcess app = AppProcess.start(App.binds(), config, JVM, work, "load")) {
            app.awaitAnswer("/probe", Duration.ofSeconds(90));
            outcomes.add(variant(app, "select by pk",
                    LoadGenerator.Target.get("session", "/session/accounts/"),
                    LoadGenerator.Target.get("raw", "/raw/accounts/")));
            if (settings.update()) {
                outcomes.add(variant(app, "update by pk",
                        LoadGenerator.Target.post("session", "/session/accounts/", "/hit"),
                        LoadGenerator.Target.post("raw", "/raw/accounts/", "/hit")));
            }
        }
        return outcomes;
    }

    private Outcome variant(AppProcess app, String variant, LoadGenerator.Target ours, LoadGenerator.Target raw)
            throws InterruptedException {
        progress.say("5 " + variant + ": warm-up " + settings.warmup().toMillis() + " ms per side");
        load(app, ours, settings.warmup());
        load(app, raw, settings.warmup());
        List<LoadGenerator.Result> oursRuns = new ArrayList<>();
        List<LoadGenerator.Result> rawRuns = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            boolean oursFirst = round % 2 == 0;
            for (int i = 0; i < 2; i++) {
                boolean isOurs = (i == 0) == oursFirst;
                LoadGenerator.Result r = load(app, isOurs ? ours : raw, settings.run());
                (isOurs ? oursRuns : rawRuns).add(r);
                progress.say(String.format(Locale.ROOT, "5 %s, round %d, %-7s %,9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%s",
                        variant, round + 1, r.target().label() + ":", r.perSecond(), r.percentileMillis(50),
                        r.percentileMillis(99), r.errors(), r.firstError() == null ? "" : " (" + r.firstError() + ")"));
            }
        }
        return new Outcome(variant, oursRuns, rawRuns);
    }

    private LoadGenerator.Result load(AppProcess app, LoadGenerator.Target target, Duration duration) throws InterruptedException {
        LoadGenerator.Result r = LoadGenerator.run(target, app.port(), settings.connections(), duration, Postgres.ACCOUNTS);
        Thread.sleep(300); // let the last answers' work (and the collector) settle before the other side starts
        return r;
    }

    static List<Table.Row> rows(List<Outcome> outcomes) {
        List<Table.Row> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            rows.add(new Table.Row("5 HTTP " + o.variant() + ": requests/s", o.perSecond(o.ours()), o.perSecond(o.raw()),
                    "%,.0f", Target.ratioAtLeast(0.97)));
            rows.add(new Table.Row("5 HTTP " + o.variant() + ": p99 latency (ms)", o.p99(o.ours()), o.p99(o.raw()),
                    "%.2f", Target.NONE));
        }
        return rows;
    }
}
