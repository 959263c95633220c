package io.quartermaster.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the bench reads and writes in PostgreSQL directly: the {@code bench} schema the
 * comparison drivers and pgbench sell from (never touched by the product), the stock rows of
 * Quartermaster for the oversell check, the deadlock counter, the ledger lag, and samples of
 * what the database sessions are waiting for.
 */
final class BenchDatabase {

    static final long STOCK_PER_SKU = 1_000_000;

    private final String url;
    private final String user;

    BenchDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** The comparison drivers' tables: one stock row per SKU number with a version, one row per order line. */
    void createBenchSchema() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("create table if not exists bench.stock (sku int primary key, on_hand bigint not null "
                    + "check (on_hand >= 0), version bigint not null default 0)");
            s.execute("create table if not exists bench.orders (id bigint generated always as identity primary key, "
                    + "sku int not null, quantity int not null, placed_at timestamptz not null default now())");
        }
        resetBenchStock();
    }

    /** Every SKU back to {@link #STOCK_PER_SKU}, no orders, dead rows vacuumed: each contender starts alike. */
    void resetBenchStock() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("truncate bench.stock, bench.orders");
            s.execute("insert into bench.stock (sku, on_hand) select g, " + STOCK_PER_SKU + " from generate_series(1, "
                    + Workload.SKUS + ") g");
            s.execute("vacuum analyze bench.stock");
            s.execute("vacuum analyze bench.orders");
        }
    }

    Map<Integer, Long> benchOnHand() throws SQLException {
        return onHand("select sku, on_hand from bench.stock");
    }

    /** Order lines the pgbench twin wrote, units per SKU number. */
    Map<Integer, Long> benchUnitsOrdered() throws SQLException {
        return onHand("select sku, sum(quantity) from bench.orders group by sku");
    }

    /** Quartermaster's on hand of the bench SKUs ({@code BENCH-00001} …) over all locations. */
    Map<Integer, Long> appOnHand() throws SQLException {
        return onHand("select cast(substr(sku, 7) as int), sum(on_hand) from inventory.stock_level "
                + "where sku like 'BENCH-%' group by sku");
    }

    private Map<Integer, Long> onHand(String sql) throws SQLException {
        Map<Integer, Long> rows = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return rows;
    }

    long deadlocks() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select deadlocks from pg_stat_database where datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void vacuumApp() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze inventory.stock_level");
            s.execute("vacuum analyze inventory.hold");
        }
    }

    /** Number of OrderPlaced journal entries whose event occurred in [from, to). */
    long ledgerEntries(Instant from, Instant to) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("select count(*) from erp.journal_entry "
                + "where source_type = 'OrderPlaced' and source_occurred_at >= ? and source_occurred_at < ?")) {
            p.setTimestamp(1, Timestamp.from(from));
            p.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Lag of each OrderPlaced journal entry whose event occurred in [from, to): posted − occurred
     * (the event is written in the order's transaction, so this is commit → entry plus the few
     * milliseconds between writing the event and the commit).
     */
    Run.Lag ledgerLag(Instant from, Instant to) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("select count(*), "
                + "percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms), max(ms) "
                + "from (select extract(epoch from posted_at - source_occurred_at) * 1000 ms from erp.journal_entry "
                + "where source_type = 'OrderPlaced' and source_occurred_at >= ? and source_occurred_at < ?) lags")) {
            p.setTimestamp(1, Timestamp.from(from));
            p.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new Run.Lag(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
            }
        }
    }

    /**
     * Samples, every {@code millis}, what each active session of this database waits for
     * (wait event, or CPU when none) until stopped; {@link #shares} turns the counts into
     * shares. Sessions idle in a transaction are waiting for their client (the app server).
     */
    final class WaitSampler implements AutoCloseable {
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;
        private long samples;

        WaitSampler(long millis) {
            thread = new Thread(() -> {
                try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
                        "select case when state = 'idle in transaction' then 'idle in transaction (waiting for client)' "
                                + "else coalesce(wait_event_type || ': ' || wait_event, 'CPU') end "
                                + "from pg_stat_activity where datname = current_database() and backend_type = 'client backend' "
                                + "and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')")) {
                    while (!stop.get()) {
                        try (ResultSet rs = p.executeQuery()) {
                            synchronized (counts) {
                                while (rs.next()) {
                                    counts.merge(rs.getString(1), 1L, Long::sum);
                                    samples++;
                                }
                            }
                        }
                        Thread.sleep(millis);
                    }
                } catch (SQLException | InterruptedException e) {
                    // sampling is best effort; the run itself is not affected
                }
            }, "pg-waits");
            thread.setDaemon(true);
            thread.start();
        }

        Map<String, Double> shares() {
            Map<String, Double> shares = new LinkedHashMap<>();
            synchronized (counts) {
                counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> shares.put(e.getKey(), 100.0 * e.getValue() / Math.max(1, samples)));
            }
            return shares;
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(5000);
        }
    }

    WaitSampler sampleWaits(long millis) {
        return new WaitSampler(millis);
    }

    /** One W5 sample, read in one snapshot: stock rows whose reserved ≠ Σ active holds, and overdue active holds. */
    record HoldSample(int rows, List<String> mismatches, int overdue, double oldestOverdueSeconds) {
    }

    HoldSample holdSample() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read read only");
                List<String> mismatches = new ArrayList<>();
                int rows = 0;
                try (ResultSet rs = s.executeQuery("""
                        select sl.sku, sl.on_hand, sl.reserved, coalesce(h.units, 0)
                          from inventory.stock_level sl
                          left join (select hl.location_id, hl.sku, sum(hl.quantity) units
                                       from inventory.hold_line hl join inventory.hold h on h.id = hl.hold_id
                                      where h.status = 'ACTIVE' group by hl.location_id, hl.sku) h
                            on h.location_id = sl.location_id and h.sku = sl.sku
                         where sl.sku between 'BENCH-00001' and 'BENCH-%05d'""".formatted(Workload.W5_SKUS))) {
                    while (rs.next()) {
                        rows++;
                        long onHand = rs.getLong(2);
                        long available = onHand - rs.getLong(3);
                        long expected = onHand - rs.getLong(4);
                        if (available != expected) {
                            mismatches.add(rs.getString(1) + ": available " + available + ", on hand − active holds " + expected);
                        }
                    }
                }
                try (ResultSet rs = s.executeQuery("select count(*), coalesce(extract(epoch from now() - min(expires_at)), 0) "
                        + "from inventory.hold where status = 'ACTIVE' and expires_at < now() - interval '5 seconds'")) {
                    rs.next();
                    c.commit();
                    return new HoldSample(rows, mismatches, rs.getInt(1), rs.getDouble(2));
                }
            }
        }
    }

    /** Holds of the run that expired: how long after their expiry the sweeper released them, in ms. */
    record Expiry(long expired, double p50, double p99, double max, long stillActive) {
    }

    Expiry expiries(Instant from) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("select count(*), "
                + "coalesce(percentile_cont(0.5) within group (order by ms), 0), "
                + "coalesce(percentile_cont(0.99) within group (order by ms), 0), coalesce(max(ms), 0), "
                + "(select count(*) from inventory.hold where status = 'ACTIVE' and created_at >= ?) "
                + "from (select extract(epoch from resolved_at - expires_at) * 1000 ms from inventory.hold "
                + "where status = 'EXPIRED' and created_at >= ?) delays")) {
            p.setTimestamp(1, Timestamp.from(from));
            p.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new Expiry(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5));
            }
        }
    }

    String serverVersion() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
