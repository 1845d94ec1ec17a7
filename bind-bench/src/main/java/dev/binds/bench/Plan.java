package dev.binds.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the suite runs: benchmarks 1–4 of issue 7, each as JMH runs of one benchmark class at one
 * thread count, and the pairs of methods (ours, baseline) each table row compares.
 */
final class Plan {

    /** Target for benchmark 4: within 1.05× of the hand-written statement, as a throughput ratio. */
    static final double WITHIN_5_PERCENT = 1 / 1.05;

    /**
     * @param label    the row's name
     * @param ours     the library's method
     * @param baseline the baseline's method
     * @param target   the lowest acceptable ratio ours/baseline, or NaN for a row for information
     * @param alloc    whether to add a row comparing allocation per operation
     */
    record Pair(String label, String ours, String baseline, double target, boolean alloc) {
    }

    /**
     * @param number  the benchmark's number in the issue
     * @param type    the JMH benchmark class
     * @param threads JMH threads
     * @param quick   whether this group runs once with short iterations (benchmark 4: 90 combinations)
     */
    record Group(String number, Class<?> type, int threads, boolean quick, List<Pair> pairs) {

        List<String> methods() {
            List<String> m = new ArrayList<>();
            for (Pair p : pairs) {
                if (!m.contains(p.ours())) {
                    m.add(p.ours());
                }
                if (!m.contains(p.baseline())) {
                    m.add(p.baseline());
                }
            }
            return m;
        }
    }

    private Plan() {
    }

    static List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("1", SessionBenchmark.class, 1, false, List.of(
                new Pair("session open/close + select 1", "bindSession", "rawJdbc", 0.90, true),
                new Pair("session open/close + select 1, vs raw auto-commit (info)", "bindSession", "rawJdbcAutoCommit",
                        Double.NaN, false))));
        for (int threads : new int[] {1, 2}) {
            groups.add(new Group("2", SelectByPkBenchmark.class, threads, false, List.of(
                    new Pair("select by pk, queryOne + RowMapper", "bindQueryOne", "rawJdbc", 0.97, true),
                    new Pair("select by pk, getByPk", "bindGetByPk", "rawJdbc", 0.97, true),
                    new Pair("select by pk, queryOne vs raw auto-commit (info)", "bindQueryOne", "rawJdbcAutoCommit",
                            Double.NaN, false))));
        }
        groups.add(new Group("3", UnitOfWorkBenchmark.class, 1, false, List.of(
                new Pair("unit of work: select, update, commit", "bindTransaction", "rawTransaction", 0.97, true))));
        for (int threads : new int[] {1, 2, 8}) {
            groups.add(new Group("4", UpsertBenchmark.class, threads, true, List.of(
                    new Pair("getOrCreate vs hand-written", "bindGetOrCreate", "rawGetOrCreate", WITHIN_5_PERCENT, threads == 1),
                    new Pair("getOrCreate vs classic select-insert-retry (info)", "bindGetOrCreate", "rawGetOrCreateClassic",
                            Double.NaN, false),
                    new Pair("updateOrCreate vs hand-written", "bindUpdateOrCreate", "rawUpdateOrCreate", WITHIN_5_PERCENT,
                            threads == 1))));
        }
        return groups;
    }
}
