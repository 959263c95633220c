package io.quartermaster.bench.load;

import io.quartermaster.bench.client.ErpEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * How far the books are behind, read from the database: the outbox's unpublished events and the
 * ERP's unconsumed ones. Every query is bounded by an outbox id {@link #mark() taken before} the
 * load, so that polling stays cheap however many events earlier runs left in the outbox.
 */
final class Books {

    /** What a backlog drain took: the relay to publish it, the ERP to post it (from the moment it was written). */
    record Drain(int events, double relaySeconds, double erpSeconds) {
        double relayPerSecond() {
            return relaySeconds <= 0 ? 0 : events / relaySeconds;
        }

        double erpPerSecond() {
            return erpSeconds <= 0 ? 0 : events / erpSeconds;
        }
    }

    private static final String ERP_UNCONSUMED = "from platform.outbox o where o.id > ? and o.type in ('"
            + String.join("','", ErpEvents.TYPES) + "') and not exists (select 1 from platform.consumed_event c "
            + "where c.consumer = 'erp' and c.event_id = o.event_id)";

    private final BenchDatabase db;

    Books(BenchDatabase db) {
        this.db = db;
    }

    /** The newest outbox id now: events of what follows have higher ids. */
    long mark() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from platform.outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Events since {@code mark} not yet published or not yet consumed by the ERP. */
    long inFlight(long mark) throws SQLException {
        return (long) sinceMark("select (select count(*) from platform.outbox where published_at is null and id > ?) "
                + "+ (select count(*) " + ERP_UNCONSUMED + ")", mark);
    }

    /** The one number {@code sql} gives, with both of its parameters set to {@code mark}. */
    private double sinceMark(String sql, long mark) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, mark);
            s.setLong(2, mark);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    /**
     * Seconds from now until nothing since {@code mark} is in flight (the books at rest), polled
     * every 100 ms; -1 when {@code patience} ran out first.
     */
    double secondsToRest(long mark, Duration patience) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < patience.toNanos()) {
            if (inFlight(mark) == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** Age in seconds of the oldest event since {@code mark} that is unpublished or not yet consumed by the ERP (0 when none). */
    double oldestInFlight(long mark) throws SQLException {
        return sinceMark("select greatest(coalesce((select extract(epoch from now() - min(occurred_at)) from platform.outbox "
                + "where published_at is null and id > ?), 0), coalesce((select extract(epoch from now() "
                + "- min(o.occurred_at)) " + ERP_UNCONSUMED + "), 0))", mark);
    }

    /**
     * Writes {@code events} synthetic OrderPlaced events (channel BENCH, no lines) into the outbox in
     * one statement, as a broker outage or a stopped relay leaves them.
     */
    static void writeOrderPlaced(Connection c, int events) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into platform.outbox (event_id, type, version, occurred_at, body, next_attempt_at) "
                        + "select id, 'OrderPlaced', 1, now(), '{\"eventId\":\"' || id || '\",\"type\":\"OrderPlaced\","
                        + "\"version\":1,\"occurredAt\":\"' || to_char(now() at time zone 'UTC', "
                        + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '\",\"payload\":{\"orderId\":\"' || gen_random_uuid() "
                        + "|| '\",\"channel\":\"BENCH\",\"lines\":[],\"subtotal\":10.00,\"tax\":2.00,\"total\":12.00,"
                        + "\"currency\":\"EUR\"}}', now() from (select gen_random_uuid() as id from generate_series(1, ?)) g")) {
            s.setInt(1, events);
            s.executeUpdate();
        }
    }

    /**
     * Writes {@code events} synthetic {@code OrderPlaced} events into the outbox in one statement
     * (as a broker outage or a stopped relay would leave them) and times the drain: the relay
     * publishing them and the ERP posting their journal entries, both from the moment the insert
     * committed. They run at the same time on the same cores, as they do in production.
     */
    Drain drain(int events, Duration patience) throws Exception {
        long mark = mark();
        try (Connection c = db.connect()) {
            writeOrderPlaced(c, events);
        }
        double committed;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select extract(epoch from now())")) {
            rs.next();
            committed = rs.getDouble(1);
        }
        long start = System.nanoTime();
        while (System.nanoTime() - start < patience.toNanos() && inFlight(mark) > 0) {
            Thread.sleep(1000);
        }
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "select extract(epoch from max(o.published_at)) - ?, "
                        + "extract(epoch from (select max(e.posted_at) from erp.journal_entry e join platform.outbox x "
                        + "on x.event_id = e.source_event_id and x.id > ?)) - ?, "
                        + "count(o.published_at) from platform.outbox o where o.id > ?")) {
            s.setDouble(1, committed);
            s.setLong(2, mark);
            s.setDouble(3, committed);
            s.setLong(4, mark);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                boolean complete = rs.getLong(3) == events && inFlight(mark) == 0;
                return new Drain(events, complete ? rs.getDouble(1) : -1, complete ? rs.getDouble(2) : -1);
            }
        }
    }
}
