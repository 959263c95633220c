package io.quartermaster.bench.chaos;

import io.quartermaster.bench.client.ErpEvents;
import io.quartermaster.bench.client.WebhookReceiver;
import io.quartermaster.launcher.Check;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What is checked after each fault, once the system has come to rest: every 201 has its order and
 * no Idempotency-Key has two, every order its journal entry, every stored event reached the webhook
 * receiver signed, no hold is left behind, and the invariant checker reports nothing. Reads go on a
 * fresh connection each, since the database may have restarted in between.
 */
final class Verification {

    private final Cluster cluster;
    private final ChaosSuite.Settings settings;

    Verification(Cluster cluster, ChaosSuite.Settings settings) {
        this.cluster = cluster;
        this.settings = settings;
    }

    /** Entries, lines and their totals, and consumed records: what a duplicate must not change. */
    String books() throws SQLException {
        return "entries=" + queryLong("select count(*) from erp.journal_entry")
                + " debits=" + queryString("select coalesce(sum(debit), 0)::text from erp.journal_line")
                + " credits=" + queryString("select coalesce(sum(credit), 0)::text from erp.journal_line")
                + " consumed=" + queryLong("select count(*) from platform.consumed_event")
                + " onHand=" + queryLong("select coalesce(sum(on_hand), 0) from inventory.stock_level");
    }

    /**
     * Waits for rest, then matches the database with the clients' answers per Idempotency-Key:
     * lost = a 201 without its order; duplicated = a key with more than one order, or an
     * order for a key whose final answer was not 201. Then the invariant checker.
     */
    ChaosSuite.Row verify(Buyers buyers, String recovery, List<String> failures, boolean holdsChecked) throws Exception {
        awaitRest(Duration.ofMinutes(3), failures);
        if (!holdsChecked) {
            awaitHoldsFreed(failures);
        }
        Map<String, Integer> ordersPerKey = new HashMap<>();
        String prefix = "chaos:" + buyers.scenario() + ":";
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
             var s = c.prepareStatement("select customer_ref, count(*) from orders.customer_order "
                     + "where customer_ref like ? group by customer_ref")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ordersPerKey.put(rs.getString(1).substring(prefix.length()), rs.getInt(2));
                }
            }
        }
        Set<String> accepted = buyers.acceptedKeys();
        int lost = (int) accepted.stream().filter(k -> !ordersPerKey.containsKey(k)).count();
        int duplicated = 0;
        for (Map.Entry<String, Integer> e : ordersPerKey.entrySet()) {
            duplicated += e.getValue() - 1;
            if (!accepted.contains(e.getKey())) {
                duplicated += 1;
            }
        }
        int orders = ordersPerKey.values().stream().mapToInt(Integer::intValue).sum();
        if (buyers.gaveUp() > 0) {
            failures.add(buyers.gaveUp() + " request(s) got no final answer within " + settings.patienceMillis() / 1000 + " s");
        }
        long unposted = queryLong("select count(*) from orders.customer_order o where not exists (select 1 from "
                + "platform.outbox e join erp.journal_entry j on j.source_event_id = e.event_id "
                + "where e.type = 'OrderPlaced' and e.body::jsonb -> 'payload' ->> 'orderId' = o.id::text) "
                + "and o.customer_ref like 'chaos:" + buyers.scenario() + ":%'");
        if (unposted > 0) {
            failures.add(unposted + " order(s) of this scenario without their journal entry");
        }
        long violations = invariantViolations(failures);
        webhooksDelivered(failures);
        String name = switch (buyers.scenario()) {
            case "s1" -> "1 three instances, last units";
            case "s2" -> "2 SIGKILL mid-load";
            case "s3" -> "3 broker down";
            case "s4" -> "4 PostgreSQL restart";
            default -> buyers.scenario();
        };
        return new ChaosSuite.Row(name, buyers.requests(), orders, lost, duplicated, violations, recovery, buyers.answers(),
                buyers.refusals(), failures);
    }

    long invariantViolations(List<String> failures) {
        for (String url : cluster.urls()) {
            try {
                JsonObject report = Check.fetch(url, "admin", cluster.adminPassword(), 60);
                long violations = report.getJsonNumber("violations").longValue();
                if (violations > 0) {
                    Check.print(report, System.out);
                    failures.add(violations + " invariant violation(s)");
                }
                return violations;
            } catch (IOException | InterruptedException | RuntimeException e) {
                // try the next instance
            }
        }
        failures.add("no instance could run the invariant check");
        return -1;
    }

    /**
     * Every stored event reached the webhook receiver, signed: the webhooks consumer has consumed
     * each one, each has one delivery row and it is DELIVERED (waiting for retries and for the leases
     * of killed instances to run out), and the receiver got every one of them at least once.
     */
    void webhooksDelivered(List<String> failures) throws InterruptedException {
        boolean done = await(Duration.ofMinutes(3), () -> {
            try {
                return queryLong("select count(*) from platform.outbox o where not exists (select 1 from "
                        + "platform.webhook_delivery d where d.event_id = o.event_id)") == 0
                        && queryLong("select count(*) from platform.webhook_delivery where status <> 'DELIVERED'") == 0;
            } catch (SQLException e) {
                return false;
            }
        });
        try {
            long events = queryLong("select count(*) from platform.outbox");
            long deliveries = queryLong("select count(*) from platform.webhook_delivery");
            Set<String> stored = new java.util.HashSet<>();
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select event_id::text from platform.outbox")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            WebhookReceiver receiver = cluster.receiver();
            Map<String, Integer> arrivals = receiver.arrivals();
            long missing = stored.stream().filter(id -> !arrivals.containsKey(id)).count();
            long repeated = arrivals.values().stream().filter(n -> n > 1).count();
            ChaosSuite.say("  webhooks: " + events + " events, " + deliveries + " deliveries, " + arrivals.size() + " received ("
                    + repeated + " more than once: at least once), " + missing + " missing, " + receiver.badSignatures()
                    + " bad signatures");
            if (!done) {
                failures.add("webhook deliveries not all DELIVERED after 180 s");
            }
            if (missing > 0) {
                failures.add(missing + " stored event(s) never reached the webhook receiver");
            }
            if (deliveries != events) {
                failures.add(deliveries + " webhook deliveries for " + events + " events (one each expected)");
            }
            if (receiver.badSignatures() > 0) {
                failures.add(receiver.badSignatures() + " webhook request(s) with a signature that did not verify");
            }
        } catch (SQLException e) {
            failures.add("could not check the webhook deliveries: " + e.getMessage());
        }
    }

    /** Until every event is published and the ERP has consumed every event it posts from; returns when. */
    long awaitRest(Duration timeout, List<String> failures) throws InterruptedException {
        boolean rest = await(timeout, () -> {
            try {
                return queryLong("select count(*) from platform.outbox where published_at is null") == 0
                        && queryLong(ErpEvents.BACKLOG_SQL) == 0;
            } catch (SQLException e) {
                return false;
            }
        });
        if (!rest) {
            failures.add("events still in flight after " + timeout.toSeconds() + " s");
        }
        return System.currentTimeMillis();
    }

    /** Holds left behind (e.g. by a killed instance) expire and give their units back; returns how long that took. */
    long awaitHoldsFreed(List<String> failures) throws InterruptedException {
        long started = System.currentTimeMillis();
        boolean freed = await(Duration.ofSeconds(ChaosSuite.HOLD_TTL_SECONDS + 60), () -> {
            try {
                return queryLong("select count(*) from inventory.hold where status = 'ACTIVE'") == 0
                        && queryLong("select coalesce(sum(reserved), 0) from inventory.stock_level") == 0;
            } catch (SQLException e) {
                return false;
            }
        });
        if (!freed) {
            failures.add("active holds or reserved units remain " + (ChaosSuite.HOLD_TTL_SECONDS + 60) + " s after the load");
        }
        return System.currentTimeMillis() - started;
    }

    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    long queryLong(String sql) throws SQLException {
        return Long.parseLong(queryString(sql));
    }

    /** The first column of the first row, on a fresh connection (the database may have restarted in between). */
    private String queryString(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
