package dev.binds.bench;

import dev.binds.BindSession;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The counted runs: each side of benchmarks 1–4 runs through a {@link RoundTripProxy} on a single
 * thread, after a warm-up, and the proxy says how many round trips (and statements) per operation
 * the server was sent — including everything the pool does when the session gives the connection
 * back. The operations are the benchmark methods themselves; for benchmark 4 the count covers the
 * helper call alone (the transaction's commit is one more round trip on every side), once with a key
 * that exists (a hit) and once with a fresh one (a miss). On PostgreSQL, benchmarks 1–3 are also
 * counted by the server itself, as transactions per operation ({@link ServerTransactions}).
 */
final class RoundTrips {

    /**
     * Per-operation averages over one counted window.
     *
     * @param xacts transactions per operation as PostgreSQL counted them ({@link ServerTransactions}), or NaN
     */
    record Count(double roundTrips, double statements, double xacts) {
        Count(double roundTrips, double statements) {
            this(roundTrips, statements, Double.NaN);
        }

        Count withXacts(double perOp) {
            return new Count(roundTrips, statements, perOp);
        }

        String cell() {
            return fmt(roundTrips) + " RT · " + fmt(statements) + " st" + (Double.isNaN(xacts) ? "" : " · " + fmt(xacts) + " xact");
        }
    }

    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    /** Runs a side once per call and returns the round trips that one call cost, for helper-only counts. */
    @FunctionalInterface
    interface CountedOp {
        long run(RoundTripProxy proxy) throws Exception;
    }

    private final int warmup;
    private final int ops;

    RoundTrips(int warmup, int ops) {
        this.warmup = warmup;
        this.ops = ops;
    }

    List<TableRow> all(List<String> servers) throws Exception {
        List<TableRow> rows = new ArrayList<>();
        if (servers.contains(Databases.POSTGRES)) {
            rows.addAll(session());
        }
        for (String db : servers) {
            rows.addAll(selectByPk(db));
        }
        for (String db : servers) {
            rows.addAll(unitOfWork(db));
        }
        for (String db : servers) {
            rows.addAll(upsert(db));
        }
        return rows;
    }

    private List<TableRow> session() throws Exception {
        Endpoint real = Databases.endpoint(Databases.POSTGRES);
        Count ours;
        Count raw;
        Count auto;
        try (RoundTripProxy proxy = new RoundTripProxy(real)) {
            SessionBenchmark b = new SessionBenchmark();
            b.open(proxy.endpoint(real), null);
            try {
                b.pools.awaitFull();
                ours = perOp(proxy, b::bindSession);
                raw = perOp(proxy, b::rawJdbc);
                auto = perOp(proxy, b::rawJdbcAutoCommit);
            } finally {
                b.tearDown();
            }
        }
        ours = ours.withXacts(ServerTransactions.perOp(real, ops, e -> {
            SessionBenchmark side = new SessionBenchmark();
            side.open(e, "bindSession");
            return new ServerTransactions.Side(side.pools, side::bindSession);
        }));
        raw = raw.withXacts(ServerTransactions.perOp(real, ops, e -> {
            SessionBenchmark side = new SessionBenchmark();
            side.open(e, "rawJdbc");
            return new ServerTransactions.Side(side.pools, side::rawJdbc);
        }));
        return List.of(noExtra("1. session open/close, round trips/op · postgres", ours, raw),
                info("1. session open/close, round trips/op vs raw auto-commit · postgres", ours, auto));
    }

    private List<TableRow> selectByPk(String db) throws Exception {
        Endpoint real = Databases.endpoint(db);
        Count queryOne;
        Count getByPk;
        Count raw;
        Count auto;
        try (RoundTripProxy proxy = new RoundTripProxy(real)) {
            SelectByPkBenchmark b = new SelectByPkBenchmark();
            b.open(proxy.endpoint(real), null);
            try {
                b.pools.awaitFull();
                queryOne = perOp(proxy, b::bindQueryOne);
                getByPk = perOp(proxy, b::bindGetByPk);
                raw = perOp(proxy, b::rawJdbc);
                auto = perOp(proxy, b::rawJdbcAutoCommit);
            } finally {
                b.tearDown();
            }
        }
        if (Databases.POSTGRES.equals(db)) {
            queryOne = queryOne.withXacts(ServerTransactions.perOp(real, ops, e -> {
                SelectByPkBenchmark side = new SelectByPkBenchmark();
                side.open(e, "bindQueryOne");
                return new ServerTransactions.Side(side.pools, side::bindQueryOne);
            }));
            raw = raw.withXacts(ServerTransactions.perOp(real, ops, e -> {
                SelectByPkBenchmark side = new SelectByPkBenchmark();
                side.open(e, "rawJdbc");
                return new ServerTransactions.Side(side.pools, side::rawJdbc);
            }));
        }
        return List.of(noExtra("2. select by pk, queryOne, round trips/op · " + db, queryOne, raw),
                noExtra("2. select by pk, getByPk, round trips/op · " + db, getByPk, raw.withXacts(Double.NaN)),
                info("2. select by pk, queryOne, round trips/op vs raw auto-commit · " + db, queryOne, auto));
    }

    private List<TableRow> unitOfWork(String db) throws Exception {
        Endpoint real = Databases.endpoint(db);
        Count ours;
        Count raw;
        try (RoundTripProxy proxy = new RoundTripProxy(real)) {
            UnitOfWorkBenchmark b = new UnitOfWorkBenchmark();
            b.open(proxy.endpoint(real), null);
            try {
                b.pools.awaitFull();
                ours = perOp(proxy, b::bindTransaction);
                raw = perOp(proxy, b::rawTransaction);
            } finally {
                b.tearDown();
            }
        }
        if (Databases.POSTGRES.equals(db)) {
            ours = ours.withXacts(ServerTransactions.perOp(real, ops, e -> {
                UnitOfWorkBenchmark side = new UnitOfWorkBenchmark();
                side.open(e, "bindTransaction");
                return new ServerTransactions.Side(side.pools, side::bindTransaction);
            }));
            raw = raw.withXacts(ServerTransactions.perOp(real, ops, e -> {
                UnitOfWorkBenchmark side = new UnitOfWorkBenchmark();
                side.open(e, "rawTransaction");
                return new ServerTransactions.Side(side.pools, side::rawTransaction);
            }));
        }
        return List.of(noExtra("3. unit of work, round trips/op · " + db, ours, raw));
    }

    private List<TableRow> upsert(String db) throws Exception {
        Endpoint real = Databases.endpoint(db);
        List<TableRow> rows = new ArrayList<>();
        try (RoundTripProxy proxy = new RoundTripProxy(real)) {
            UpsertBenchmark b = new UpsertBenchmark();
            b.open(proxy.endpoint(real), null);
            try {
                b.pools.awaitFull();
                for (int hitRatio : new int[] {0, 100}) {
                    b.hitRatio = hitRatio;
                    String kind = hitRatio == 0 ? "miss" : "hit";
                    int limit = hitRatio == 0 ? 2 : 1;
                    Count getOrCreate = perCall(proxy, p -> {
                        long k = b.nextKey();
                        try (BindSession s = b.pools.bind.openSession()) {
                            long before = p.roundTrips();
                            UpsertBenchmark.getOrCreate(s, k);
                            long spent = p.roundTrips() - before;
                            s.commit();
                            return spent;
                        }
                    });
                    Count hand = perCall(proxy, p -> raw(b, p, (c, k) -> b.sql.getOrCreate(c, k, k)));
                    Count classic = perCall(proxy, p -> raw(b, p, (c, k) -> b.sql.classicGetOrCreate(c, k, k)));
                    Count updateOrCreate = perCall(proxy, p -> {
                        long k = b.nextKey();
                        try (BindSession s = b.pools.bind.openSession()) {
                            long before = p.roundTrips();
                            UpsertBenchmark.updateOrCreate(s, k, k + 1);
                            long spent = p.roundTrips() - before;
                            s.commit();
                            return spent;
                        }
                    });
                    Count handUpdate = perCall(proxy, p -> raw(b, p, (c, k) -> b.sql.updateOrCreate(c, k, k + 1)));
                    rows.add(helperRow("4. getOrCreate round trips per " + kind + " · " + db, getOrCreate, hand, classic, limit));
                    rows.add(helperRow("4. updateOrCreate round trips per " + kind + " · " + db, updateOrCreate, handUpdate,
                            null, limit));
                }
            } finally {
                b.pools.close();
            }
        }
        return rows;
    }

    @FunctionalInterface
    private interface RawHelper {
        Kv run(Connection c, long k) throws Exception;
    }

    private static long raw(UpsertBenchmark b, RoundTripProxy p, RawHelper helper) throws Exception {
        long k = b.nextKey();
        try (Connection c = b.pools.raw.getConnection()) {
            long before = p.roundTrips();
            helper.run(c, k);
            long spent = p.roundTrips() - before;
            c.commit();
            return spent;
        }
    }

    private Count perOp(RoundTripProxy proxy, Op op) throws Exception {
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        long rt = proxy.roundTrips();
        long st = proxy.statements();
        for (int i = 0; i < ops; i++) {
            op.run();
        }
        return new Count((proxy.roundTrips() - rt) / (double) ops, (proxy.statements() - st) / (double) ops);
    }

    /** Counts only what the helper itself sends (statements are not split out here: reported as round trips). */
    private Count perCall(RoundTripProxy proxy, CountedOp op) throws Exception {
        for (int i = 0; i < warmup; i++) {
            op.run(proxy);
        }
        long total = 0;
        for (int i = 0; i < ops; i++) {
            total += op.run(proxy);
        }
        return new Count(total / (double) ops, Double.NaN);
    }

    private static TableRow noExtra(String what, Count ours, Count baseline) {
        boolean met = ours.roundTrips() <= baseline.roundTrips() + 1e-9
                && (Double.isNaN(ours.xacts()) || ours.xacts() <= baseline.xacts() + 0.01);
        return new TableRow(what, ours.cell(), baseline.cell(), diff(ours.roundTrips() - baseline.roundTrips()),
                "no extra round trip", met ? "yes" : "no");
    }

    private static TableRow info(String what, Count ours, Count baseline) {
        return new TableRow(what, ours.cell(), baseline.cell(), diff(ours.roundTrips() - baseline.roundTrips()), "—", "—");
    }

    private static TableRow helperRow(String what, Count ours, Count hand, Count classic, int limit) {
        String baseline = fmt(hand.roundTrips()) + " RT" + (classic == null ? "" : " (classic: " + fmt(classic.roundTrips()) + " RT)");
        return new TableRow(what, fmt(ours.roundTrips()) + " RT", baseline, diff(ours.roundTrips() - hand.roundTrips()),
                "≤ " + limit + " RT", ours.roundTrips() <= limit + 1e-9 ? "yes" : "no");
    }

    private static String diff(double d) {
        return (d >= 0 ? "+" : "") + fmt(d) + " RT";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        return Math.abs(v - Math.rint(v)) < 0.005 ? String.valueOf((long) Math.rint(v)) : String.format("%.2f", v);
    }
}
