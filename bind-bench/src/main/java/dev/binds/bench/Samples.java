package dev.binds.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The measured iterations of one benchmark method with one set of parameters, pooled over the
 * suite's rounds (the full run measures every method twice, in the order A B … B A, so that a load
 * that drifts during the run weighs on ours and on the baseline alike).
 */
final class Samples {

    private final List<Double> scores = new ArrayList<>();
    private final List<Double> allocations = new ArrayList<>();

    void add(RunResult r) {
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
                scores.add(i.getPrimaryResult().getScore());
            }
        }
        Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
        if (alloc != null) {
            allocations.add(alloc.getScore());
        }
    }

    boolean isEmpty() {
        return scores.isEmpty();
    }

    /** @return the median iteration: one iteration disturbed by another build moves it far less than the mean */
    double median() {
        List<Double> s = new ArrayList<>(scores);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double min() {
        return Collections.min(scores);
    }

    double max() {
        return Collections.max(scores);
    }

    /** @return bytes allocated per operation (JMH's {@code gc.alloc.rate.norm}), mean over rounds, or NaN */
    double allocation() {
        return allocations.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * @return the best iteration: other processes on the machine can only slow an iteration down, so
     * the fastest one is the closest to the undisturbed speed (the reasoning of Python's {@code timeit})
     */
    double best() {
        return max();
    }

    /** @return "best ops/s (median, number of iterations)" */
    String cell() {
        return String.format("%,.0f ops/s (med %,.0f, n=%d)", best(), median(), scores.size());
    }
}
