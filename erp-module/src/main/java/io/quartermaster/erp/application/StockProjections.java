package io.quartermaster.erp.application;

import io.quartermaster.erp.domain.ledger.ConsumedEvents;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventHandler;
import io.quartermaster.platform.api.event.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ERP's view of stock for replenishment: every stock event carries the level's state and
 * version after it; the projection takes it only when newer, so late or redelivered events
 * never roll it back. Shares the module's {@code erp} subscription with the ledger postings.
 */
@ApplicationScoped
public class StockProjections implements EventHandler {

    @Inject
    Replenishment replenishment;

    @Override
    public String consumer() {
        return LedgerPostings.CONSUMER;
    }

    @Override
    public Set<String> eventTypes() {
        return ConsumedEvents.STOCK_EVENTS;
    }

    /**
     * A batch's stock events folded per (SKU, location) to the newest level, applied in (SKU,
     * location) order: one projection update and one evaluation per row instead of one per
     * event, and two receivers lock rows in the same order, so they cannot deadlock. An alert
     * or automatic PO fires on the state the batch ends in (a dip and recovery within one batch,
     * milliseconds apart, is not a crossing), still exactly once.
     */
    @Override
    public void handleAll(List<EventEnvelope> events) {
        record Level(int available, long version) {
        }
        TreeMap<String, Level> newest = new TreeMap<>();
        for (EventEnvelope event : events) {
            JsonObject payload = event.payloadObject();
            JsonObject level = payload.getJsonObject("level");
            if (level == null || !payload.containsKey("sku") || !payload.containsKey("location")) {
                continue;
            }
            try {
                String key = payload.getString("sku") + "\u0000" + payload.getString("location");
                Level state = new Level(level.getInt("available"), level.getJsonNumber("version").longValue());
                newest.merge(key, state, (a, b) -> b.version() > a.version() ? b : a);
            } catch (ClassCastException | NullPointerException e) {
                throw new MalformedEventException(event.type() + " " + event.eventId() + " has no usable level state", e);
            }
        }
        newest.forEach((key, state) -> {
            int split = key.indexOf('\u0000');
            replenishment.onStockLevel(key.substring(0, split), key.substring(split + 1), state.available(), state.version());
        });
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonObject payload = event.payloadObject();
        JsonObject level = payload.getJsonObject("level");
        if (level == null || !payload.containsKey("sku") || !payload.containsKey("location")) {
            // Synthetic or foreign stock events without a level state change nothing here.
            return;
        }
        try {
            replenishment.onStockLevel(payload.getString("sku"), payload.getString("location"), level.getInt("available"),
                    level.getJsonNumber("version").longValue());
        } catch (ClassCastException | NullPointerException e) {
            throw new MalformedEventException(event.type() + " " + event.eventId() + " has no usable level state", e);
        }
    }
}
