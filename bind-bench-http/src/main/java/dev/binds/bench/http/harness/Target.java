package dev.binds.bench.http.harness;

/**
 * What a row of the table should reach, as the issue states it, and whether it did. A row without a
 * target is reported for context.
 */
abstract class Target {

    static final Target NONE = new Target("—") {
        @Override
        Boolean met(double ours, double baseline) {
            return null;
        }
    };

    private final String text;

    private Target(String text) {
        this.text = text;
    }

    /** ours / baseline at least {@code ratio} (throughput). */
    static Target ratioAtLeast(double ratio) {
        return new Target("≥ " + ratio + "×") {
            @Override
            Boolean met(double ours, double baseline) {
                return ours / baseline >= ratio;
            }
        };
    }

    /** ours below {@code limit}. */
    static Target below(double limit, String text) {
        return new Target(text) {
            @Override
            Boolean met(double ours, double baseline) {
                return ours < limit;
            }
        };
    }

    /** ours at most {@code limit}. */
    static Target atMost(double limit, String text) {
        return new Target(text) {
            @Override
            Boolean met(double ours, double baseline) {
                return ours <= limit;
            }
        };
    }

    /** @return whether it was met, {@code null} when there is nothing to meet */
    abstract Boolean met(double ours, double baseline);

    String text() {
        return text;
    }
}
