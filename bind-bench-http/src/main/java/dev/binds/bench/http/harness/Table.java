package dev.binds.bench.http.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table: benchmark, ours, baseline, ratio (ours / baseline), target, met or not. */
final class Table {

    /** One measured row; {@code format} renders ours and the baseline ({@code "%,.0f"}, {@code "%.2f"}). */
    record Row(String benchmark, double ours, double baseline, String format, Target target) {

        String ratio() {
            if (baseline == 0) {
                return ours == 0 ? "—" : "∞";
            }
            return String.format(Locale.ROOT, "%.3f", ours / baseline);
        }

        String met() {
            Boolean met = target.met(ours, baseline);
            return met == null ? "—" : met ? "yes" : "NO";
        }

        String[] cells() {
            return new String[] {benchmark, String.format(Locale.ROOT, format, ours),
                    String.format(Locale.ROOT, format, baseline), ratio(), target.text(), met()};
        }
    }

    private static final String[] HEADER = {"benchmark", "ours", "baseline", "ratio", "target", "met"};

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void addAll(List<Row> more) {
        rows.addAll(more);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String text() {
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        rows.forEach(r -> all.add(r.cells()));
        int[] width = new int[HEADER.length];
        for (String[] cells : all) {
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            String[] cells = all.get(r);
            for (int i = 0; i < cells.length; i++) {
                String pad = " ".repeat(width[i] - cells[i].length());
                out.append(i == 0 ? "" : "  ").append(i == 0 || i >= 4 ? cells[i] + pad : pad + cells[i]);
            }
            out.append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                out.append("-".repeat(total - 2)).append('\n');
            }
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| benchmark | ours | baseline | ratio | target | met |\n|---|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(String.join(" | ", r.cells())).append(" |\n");
        }
        return out.toString();
    }
}
