package dev.binds.bench.http.harness;

import dev.binds.bench.http.harness.StartupBenchmark.Mode;
import dev.binds.bench.http.harness.StartupBenchmark.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The starts of benchmark 6, summarised: medians per side, mode and size, and the cost per bind. */
final class Startups {

    static final String OURS = "binds";
    static final String STOCK = "stock";

    private final List<Sample> samples;

    Startups(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    List<Sample> samples() {
        return samples;
    }

    List<Integer> sizes() {
        return samples.stream().map(Sample::size).distinct().sorted().toList();
    }

    int largest() {
        return sizes().get(sizes().size() - 1);
    }

    int smallest() {
        return sizes().get(0);
    }

    List<Sample> of(String side, Mode mode, int size) {
        return samples.stream().filter(s -> s.side().equals(side) && s.mode() == mode && s.size() == size).toList();
    }

    double median(String side, Mode mode, int size, ToDoubleFunction<Sample> what) {
        double[] v = of(side, mode, size).stream().mapToDouble(what).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    double max(String side, Mode mode, int size, ToDoubleFunction<Sample> what) {
        return of(side, mode, size).stream().mapToDouble(what).max().orElse(Double.NaN);
    }

    /**
     * @return the start-up cost of one more bind, in ms: the difference of the median first-answer times of the
     *         largest and the smallest size over the difference of sizes (medians, so that the odd slow start of
     *         a JVM does not weigh)
     */
    double perBind(String side, Mode mode) {
        int n = largest();
        int one = smallest();
        return (median(side, mode, n, Sample::millis) - median(side, mode, one, Sample::millis)) / (n - one);
    }

    List<Table.Row> rows() {
        List<Table.Row> rows = new ArrayList<>();
        int n = largest();
        int one = smallest();
        for (Mode mode : List.of(Mode.LAZY, Mode.EAGER)) {
            String m = mode.label();
            for (int size : sizes()) {
                rows.add(row("6 start-up, " + size + " " + m + ": first answer (ms)", mode, size, Sample::millis, "%.0f", Target.NONE));
            }
            rows.add(new Table.Row("6 start-up, " + m + ": cost per bind (ms, medians " + one + "→" + n + ")",
                    perBind(OURS, mode), perBind(STOCK, mode), "%.2f",
                    mode == Mode.LAZY ? Target.below(1.0, "< 1 ms") : Target.NONE));
            rows.add(row("6 start-up, " + n + " " + m + ": RSS (MB)", mode, n, s -> s.residentKb() / 1024.0, "%.0f", Target.NONE));
            rows.add(row("6 start-up, " + n + " " + m + ": live threads", mode, n, Sample::threads, "%.0f", Target.NONE));
            rows.add(new Table.Row("6 start-up, " + m + ": threads added by binds " + one + "→" + n,
                    median(OURS, mode, n, Sample::threads) - median(OURS, mode, one, Sample::threads),
                    median(STOCK, mode, n, Sample::threads) - median(STOCK, mode, one, Sample::threads), "%.0f",
                    mode == Mode.LAZY ? Target.atMost(0, "0 (none until used)") : Target.below(n / 10.0, "not 1 per bind (< " + n / 10 + ")")));
            rows.add(new Table.Row("6 start-up, " + n + " " + m + ": connections open at first answer",
                    max(OURS, mode, n, Sample::held), max(STOCK, mode, n, Sample::held), "%.0f",
                    mode == Mode.LAZY ? Target.atMost(0, "0") : Target.NONE));
            rows.add(new Table.Row("6 start-up, " + n + " " + m + ": connections opened by start-up",
                    max(OURS, mode, n, Sample::opened), max(STOCK, mode, n, Sample::opened), "%.0f",
                    mode == Mode.LAZY ? Target.atMost(0, "0") : Target.NONE));
        }
        return rows;
    }

    private Table.Row row(String label, Mode mode, int size, ToDoubleFunction<Sample> what, String format, Target target) {
        return new Table.Row(label, median(OURS, mode, size, what), median(STOCK, mode, size, what), format, target);
    }

    /** Every size, mode and side: medians, the spread of the start-up time, and what the threads are. */
    String details() {
        StringBuilder out = new StringBuilder("| side | mode | binds | first answer ms, median (min–max) | RSS MB | threads "
                + "| open at answer | opened by start-up | open after /probe/db |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Mode mode : List.of(Mode.LAZY, Mode.EAGER)) {
            for (int size : sizes()) {
                for (String side : List.of(OURS, STOCK)) {
                    List<Sample> s = of(side, mode, size);
                    out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f (%.0f–%.0f) | %.0f | %.0f | %.0f | %.0f | %.0f |\n",
                            side, mode.label(), size, median(side, mode, size, Sample::millis),
                            s.stream().mapToDouble(Sample::millis).min().orElse(Double.NaN),
                            s.stream().mapToDouble(Sample::millis).max().orElse(Double.NaN),
                            median(side, mode, size, x -> x.residentKb() / 1024.0), median(side, mode, size, Sample::threads),
                            max(side, mode, size, Sample::held), max(side, mode, size, Sample::opened),
                            max(side, mode, size, Sample::heldAfterUse)));
                }
            }
        }
        int n = largest();
        out.append("\nThreads at the first answer with ").append(n).append(" binds / data sources, by name (the kernel keeps 15 characters; digits as #), first start:\n\n");
        for (Mode mode : List.of(Mode.LAZY, Mode.EAGER)) {
            for (String side : List.of(OURS, STOCK)) {
                List<Sample> s = of(side, mode, n);
                if (s.isEmpty()) {
                    continue;
                }
                String names = s.get(0).threadNames().entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> "`" + e.getKey() + "` " + e.getValue())
                        .collect(Collectors.joining(", "));
                out.append("- ").append(side).append(", ").append(mode.label()).append(": ").append(names).append('\n');
            }
        }
        return out.toString();
    }
}
