package dev.binds.bench.http.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load generator: a fixed number of connections, one thread each, each sending its next
 * request as soon as the previous answer arrived, for a fixed time, on loopback. Every latency is kept
 * (bounded per connection) and sorted at the end, so percentiles are exact rather than bucketed.
 */
final class LoadGenerator {

    /** The most latencies kept per connection (a bound on memory; about 40 s at 25,000 requests/s). */
    private static final int MAX_SAMPLES = 1_000_000;
    private static final int TIMEOUT_MILLIS = 10_000;

    /** What to ask: a request for an account id, and whether an answer is the right one. */
    record Target(String label, String method, String prefix, String suffix) {

        static Target get(String label, String prefix) {
            return new Target(label, "GET", prefix, "");
        }

        static Target post(String label, String prefix, String suffix) {
            return new Target(label, "POST", prefix, suffix);
        }

        byte[] request(long id, int port) {
            return HttpConnection.request(method, prefix + id + suffix, port);
        }

        /** Both endpoints answer {@code id,...}: the id proves the answer is this request's. */
        boolean valid(long id, HttpConnection.Response r) {
            if (r.status() != 200) {
                return false;
            }
            byte[] want = (id + ",").getBytes(StandardCharsets.US_ASCII);
            return r.body().length > want.length && Arrays.equals(r.body(), 0, want.length, want, 0, want.length);
        }
    }

    /** One run: requests answered, wrong or failed answers, and every latency in nanoseconds, sorted. */
    record Result(Target target, long requests, long errors, double seconds, long[] latencies, String firstError) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            return percentileMillis(latencies, p);
        }

        static double percentileMillis(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    private LoadGenerator() {
    }

    static Result run(Target target, int port, int connections, Duration duration, int accounts) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(target, port, accounts, new SplittableRandom(31L * i + 7), ready, go, firstError);
            workers.add(w);
            w.thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        workers.forEach(w -> w.deadline = deadline);
        go.countDown();
        long requests = 0;
        long errors = 0;
        long end = start;
        int samples = 0;
        for (Worker w : workers) {
            w.thread.join();
            requests += w.requests;
            errors += w.errors;
            end = Math.max(end, w.finished);
            samples += w.count;
        }
        long[] all = new long[samples];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
        }
        Arrays.sort(all);
        return new Result(target, requests, errors, (end - start) / 1e9, all, firstError.get());
    }

    private static final class Worker implements Runnable {
        private final Target target;
        private final int port;
        private final int accounts;
        private final SplittableRandom random;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        private final AtomicReference<String> firstError;
        private final Thread thread;
        private volatile long deadline;
        private long[] latencies = new long[16_384];
        private int count;
        private long requests;
        private long errors;
        private long finished;

        Worker(Target target, int port, int accounts, SplittableRandom random, CountDownLatch ready, CountDownLatch go,
               AtomicReference<String> firstError) {
            this.target = target;
            this.port = port;
            this.accounts = accounts;
            this.random = random;
            this.ready = ready;
            this.go = go;
            this.firstError = firstError;
            this.thread = new Thread(this, "load-" + target.label());
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            HttpConnection c = null;
            try {
                c = new HttpConnection(port, TIMEOUT_MILLIS);
            } catch (IOException e) {
                fail("cannot connect: " + e);
            }
            ready.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long end = deadline;
            long now = System.nanoTime();
            while (now < end) {
                long id = 1 + random.nextInt(accounts);
                byte[] request = target.request(id, port);
                try {
                    if (c == null) {
                        c = new HttpConnection(port, TIMEOUT_MILLIS);
                    }
                    HttpConnection.Response r = c.exchange(request);
                    long done = System.nanoTime();
                    record(done - now);
                    requests++;
                    if (!target.valid(id, r)) {
                        fail("answer " + r.status() + " '" + r.text() + "' to " + target.method() + " " + target.prefix() + id);
                    }
                    if (r.closing()) {
                        close(c);
                        c = null;
                    }
                    now = done;
                } catch (IOException e) {
                    fail(e.toString());
                    close(c);
                    c = null;
                    now = System.nanoTime();
                }
            }
            finished = now;
            close(c);
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                if (count >= MAX_SAMPLES) {
                    return;
                }
                latencies = Arrays.copyOf(latencies, Math.min(MAX_SAMPLES, count * 2));
            }
            latencies[count++] = nanos;
        }

        private void fail(String what) {
            errors++;
            firstError.compareAndSet(null, what);
        }

        private static void close(HttpConnection c) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // closing a connection we give up on
                }
            }
        }
    }
}
