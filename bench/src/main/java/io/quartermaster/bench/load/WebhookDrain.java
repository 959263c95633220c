package io.quartermaster.bench.load;

import io.quartermaster.bench.client.Api;
import io.quartermaster.bench.client.WebhookReceiver;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhook delivery measured: {@code events} synthetic OrderPlaced events written into the outbox
 * at once, each subscription a receiver on loopback in this process (signature verified). The
 * relay queues their deliveries as it publishes them; the senders drain them. Reported: how long
 * until every delivery was queued, until every one was delivered, and the delivery rate between
 * the first and the last delivery — per subscription (its deliveries go one at a time, in order)
 * and for all subscriptions together.
 */
final class WebhookDrain {

    record Result(int events, int subscriptions, double queuedSeconds, double deliveredSeconds, double perSecond,
                  long repeated) {
    }

    private final BenchDatabase db;
    private final Api api;
    private final String baseUrl;
    private final String admin;

    WebhookDrain(BenchDatabase db, Api api, String baseUrl, String admin) {
        this.db = db;
        this.api = api;
        this.baseUrl = baseUrl;
        this.admin = admin;
    }

    Result run(int events, int subscriptions, Duration patience) throws Exception {
        List<WebhookReceiver> receivers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < subscriptions; i++) {
                WebhookReceiver receiver = new WebhookReceiver();
                receivers.add(receiver);
                var created = api.require(baseUrl, "POST", "/api/v1/admin/webhooks", admin, Json.createObjectBuilder()
                        .add("url", receiver.url()).add("events", Json.createArrayBuilder().add("OrderPlaced"))
                        .add("description", "bench receiver " + i).build()).json();
                receiver.secret(created.getString("secret"));
                ids.add(created.getString("id"));
            }
            long mark;
            double written;
            try (Connection c = db.connect(); var s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select coalesce(max(id), 0), extract(epoch from clock_timestamp()) from platform.outbox")) {
                    rs.next();
                    mark = rs.getLong(1);
                }
                Books.writeOrderPlaced(c, events);
                try (ResultSet rs = s.executeQuery("select extract(epoch from now())")) {
                    rs.next();
                    written = rs.getDouble(1);
                }
            }
            long deadline = System.nanoTime() + patience.toNanos();
            String pending = "select count(*) from platform.webhook_delivery d join platform.outbox o on o.event_id = d.event_id "
                    + "where o.id > " + mark + " and d.status = 'DELIVERED'";
            while (System.nanoTime() < deadline && count(pending) < (long) events * subscriptions) {
                Thread.sleep(250);
            }
            try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                    "select extract(epoch from max(d.created_at)) - ?, extract(epoch from max(d.delivered_at)) - ?, "
                            + "extract(epoch from max(d.delivered_at) - min(d.delivered_at)), count(d.delivered_at) "
                            + "from platform.webhook_delivery d join platform.outbox o on o.event_id = d.event_id where o.id > ?")) {
                s.setDouble(1, written);
                s.setDouble(2, written);
                s.setLong(3, mark);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    boolean complete = rs.getLong(4) == (long) events * subscriptions;
                    double span = rs.getDouble(3);
                    long repeated = receivers.stream().mapToLong(r -> r.arrivals().values().stream().filter(n -> n > 1).count()).sum();
                    return new Result(events, subscriptions, rs.getDouble(1), complete ? rs.getDouble(2) : -1,
                            span > 0 ? rs.getLong(4) / span : 0, repeated);
                }
            }
        } finally {
            for (String id : ids) {
                api.call(baseUrl, "DELETE", "/api/v1/admin/webhooks/" + id, admin, null, null);
            }
            receivers.forEach(WebhookReceiver::close);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
