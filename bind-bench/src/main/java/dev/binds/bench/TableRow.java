package dev.binds.bench;

/**
 * One line of the suite's table.
 *
 * @param benchmark what was measured, with its database, threads and hit ratio
 * @param ours      the library's figure
 * @param baseline  the baseline's figure
 * @param ratio     ours relative to the baseline
 * @param target    the target, or "—" where there is none (rows for information)
 * @param met       "yes"; "no"; "no, within noise" when the confidence intervals reach the target; or "—"
 */
record TableRow(String benchmark, String ours, String baseline, String ratio, String target, String met) {

    static TableRow notMeasured(String benchmark, String why) {
        return new TableRow(benchmark, "not yet measured", "not yet measured", "—", why, "—");
    }

    boolean missed() {
        return met.startsWith("no");
    }
}
