package dev.binds.bench;

import java.util.ArrayList;
import java.util.List;

/** Turns pooled measurements into the rows of the suite's table, and the rows into Markdown. */
final class Table {

    private Table() {
    }

    static TableRow throughputRow(String what, Samples ours, Samples base, double target) {
        boolean oursMissing = ours == null || ours.isEmpty();
        boolean baseMissing = base == null || base.isEmpty();
        if (oursMissing || baseMissing) {
            return new TableRow(what, oursMissing ? "FAILED" : ours.cell(), baseMissing ? "FAILED" : base.cell(), "—",
                    targetText(target), "no");
        }
        double ratio = ours.best() / base.best();
        double medianRatio = ours.median() / base.median();
        String met;
        if (Double.isNaN(target)) {
            met = "—";
        } else if (ratio >= target) {
            met = "yes";
        } else {
            // some iterations reach the target: the machine's noise cannot tell
            met = ours.max() / base.min() >= target ? "no, within noise" : "no";
        }
        return new TableRow(what, ours.cell(), base.cell(), String.format("%.2f× (med %.2f×)", ratio, medianRatio),
                targetText(target), met);
    }

    static TableRow allocRow(String what, Samples ours, Samples base) {
        double a = ours == null ? Double.NaN : ours.allocation();
        double b = base == null ? Double.NaN : base.allocation();
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return new TableRow(what, "?", "?", "—", "—", "—");
        }
        return new TableRow(what, String.format("%,.0f B/op", a), String.format("%,.0f B/op", b),
                String.format("%+,.0f B", a - b), "—", "—");
    }

    private static String targetText(double target) {
        if (Double.isNaN(target)) {
            return "—";
        }
        return target == Plan.WITHIN_5_PERCENT ? "≥ 0.95× (within 1.05×)" : String.format("≥ %.2f×", target);
    }

    static String markdown(List<TableRow> rows) {
        String[] head = {"benchmark", "ours", "baseline", "ratio", "target", "met"};
        List<String[]> cells = new ArrayList<>();
        cells.add(head);
        for (TableRow r : rows) {
            cells.add(new String[] {r.benchmark(), r.ours(), r.baseline(), r.ratio(), r.target(), r.met()});
        }
        int[] width = new int[head.length];
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < cells.size(); row++) {
            String[] c = cells.get(row);
            sb.append('|');
            for (int i = 0; i < c.length; i++) {
                sb.append(' ').append(c[i]).append(" ".repeat(width[i] - c[i].length())).append(" |");
            }
            sb.append('\n');
            if (row == 0) {
                sb.append('|');
                for (int w : width) {
                    sb.append('-').append("-".repeat(w)).append("-|");
                }
                sb.append('\n');
            }
        }
        long missed = rows.stream().filter(TableRow::missed).count();
        long withTarget = rows.stream().filter(r -> !"—".equals(r.met())).count();
        sb.append('\n').append(withTarget - missed).append(" of ").append(withTarget).append(" targets met.\n");
        return sb.toString();
    }

}
