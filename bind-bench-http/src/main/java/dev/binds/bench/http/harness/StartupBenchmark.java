package dev.binds.bench.http.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 6: the application started with N binds (eager or lazy) beside the same probe over stock
 * Micronaut SQL {@code datasources.*} with N data sources. Each start is a fresh JVM with generated
 * configuration; measured: the time from spawning it to the first answer of {@code /probe} (which
 * touches no database), then, at that moment, its resident memory and live threads, the connections
 * it holds and the connections it opened ({@code pg_stat_database.sessions}); then {@code /probe/db}
 * must answer. Starts interleave (every size, mode and side once per repetition, sides alternating
 * which goes first), and each figure is the median over the repetitions.
 *
 * <p>Pools on both sides: {@value #POOL_SIZE} connections at most, {@code minimum-idle} 0. The server
 * allows {@code max_connections} 100, so 100 pools could not each keep even one idle connection; with
 * 0, an eager pool (ours, and every stock pool, which micronaut-jdbc-hikari creates at start-up) still
 * opens one connection at start-up to check the database (HikariCP's {@code initializationFailTimeout})
 * and closes it, which is what "connections opened" counts. Stock has no lazy pool: its closest is
 * {@code initialization-fail-timeout: -1} (no check at start-up), which the lazy rows use.
 */
final class StartupBenchmark {

    /** Most connections per pool, both sides: {@value}. */
    static final int POOL_SIZE = 2;
    /**
     * The JVM of each start: a small fixed collector with no threads of its own and a fixed number of JIT
     * compiler threads, so that the thread count is the application's.
     */
    static final List<String> JVM = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:-UseDynamicNumberOfCompilerThreads");

    enum Mode {
        EAGER, LAZY;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param sizes       numbers of binds / data sources
     * @param repetitions starts per size, mode and side
     */
    record Settings(List<Integer> sizes, int repetitions) {
        static Settings full() {
            return new Settings(List.of(1, 10, 50, 100), 7);
        }

        static Settings smoke() {
            return new Settings(List.of(1, 10), 1);
        }
    }

    /** One start. */
    record Sample(String side, Mode mode, int size, double millis, long residentKb, int threads, int held,
                  long opened, int heldAfterUse, Map<String, Integer> threadNames) {
    }

    private final Settings settings;
    private final Postgres postgres;
    private final Path work;
    private final Progress progress;

    StartupBenchmark(Settings settings, Postgres postgres, Path work, Progress progress) {
        this.settings = settings;
        this.postgres = postgres;
        this.work = work;
        this.progress = progress;
    }

    Startups run() throws Exception {
        postgres.recreateWithAccounts();
        List<Sample> samples = new ArrayList<>();
        int turn = 0;
        for (int rep = 0; rep < settings.repetitions(); rep++) {
            for (int size : settings.sizes()) {
                for (Mode mode : Mode.values()) {
                    boolean oursFirst = turn++ % 2 == 0;
                    for (int i = 0; i < 2; i++) {
                        App app = (i == 0) == oursFirst ? App.binds() : App.stock();
                        Sample s = start(app, mode, size, rep);
                        samples.add(s);
                        progress.say(String.format(Locale.ROOT,
                                "6 rep %d, %3d %-5s %-5s: first answer %6.0f ms, RSS %4d MB, %3d threads, %3d held, %3d opened",
                                rep + 1, size, mode.label(), app.name(), s.millis(), s.residentKb() / 1024, s.threads(),
                                s.held(), s.opened()));
                    }
                }
            }
        }
        return new Startups(samples);
    }

    private Sample start(App app, Mode mode, int size, int rep) throws Exception {
        Map<String, String> config = app.name().equals("stock") ? stockConfig(mode, size) : bindsConfig(mode, size);
        long before = postgres.sessionsOpened();
        String label = "startup-" + app.name() + "-" + mode.label() + "-" + size + "-" + rep;
        try (AppProcess p = AppProcess.start(app, config, JVM, work, label)) {
            double millis = p.awaitAnswer("/probe", Duration.ofSeconds(120)).toNanos() / 1e6;
            long rss = p.residentKb();
            int threads = p.threads();
            Map<String, Integer> names = p.threadNames();
            int held = postgres.connections();
            long opened = postgres.sessionsOpened() - before;
            String one = p.get("/probe/db").trim();
            if (!one.equals("1")) {
                throw new IllegalStateException("The " + app.name() + " application answered '" + one + "' to /probe/db");
            }
            int heldAfterUse = postgres.connections();
            return new Sample(app.name(), mode, size, millis, rss, threads, held, opened, heldAfterUse, names);
        } finally {
            postgres.awaitNoConnections(Duration.ofSeconds(20));
        }
    }

    /** {@code default}, then {@code b002} … : the first is the one {@code /probe/db} uses. */
    static String name(int i) {
        return i == 1 ? "default" : String.format(Locale.ROOT, "b%03d", i);
    }

    private Map<String, String> bindsConfig(Mode mode, int size) {
        Map<String, String> c = new LinkedHashMap<>();
        for (int i = 1; i <= size; i++) {
            String p = "binds." + name(i) + ".";
            c.put(p + "url", postgres.url());
            c.put(p + "username", postgres.user());
            if (!postgres.password().isEmpty()) {
                c.put(p + "password", postgres.password());
            }
            c.put(p + "lazy", String.valueOf(mode == Mode.LAZY));
            c.put(p + "pool.maximum-pool-size", String.valueOf(POOL_SIZE));
            c.put(p + "pool.minimum-idle", "0");
        }
        return c;
    }

    private Map<String, String> stockConfig(Mode mode, int size) {
        Map<String, String> c = new LinkedHashMap<>();
        for (int i = 1; i <= size; i++) {
            String p = "datasources." + name(i) + ".";
            c.put(p + "url", postgres.url());
            c.put(p + "username", postgres.user());
            if (!postgres.password().isEmpty()) {
                c.put(p + "password", postgres.password());
            }
            c.put(p + "maximum-pool-size", String.valueOf(POOL_SIZE));
            c.put(p + "minimum-idle", "0");
            if (mode == Mode.LAZY) {
                c.put(p + "initialization-fail-timeout", "-1");
            }
        }
        return c;
    }
}
