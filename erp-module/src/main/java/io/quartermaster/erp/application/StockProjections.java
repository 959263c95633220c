package io.quartermaster.erp.application;

import io.quartermaster.erp.domain.ledger.PostingRules;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventHandler;
import io.quartermaster.platform.api.event.Jsonp;
import io.quartermaster.platform.api.event.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Set;

/**
 * The ERP's view of stock for replenishment: every stock event carries the level's state and
 * version after it; the projection takes it only when newer, so late or redelivered events
 * never roll it back. Shares the module's {@code erp} subscription with the ledger postings.
 */
@ApplicationScoped
public class StockProjections implements EventHandler {

    @Inject
    Purchasing purchasing;

    @Override
    public String consumer() {
        return LedgerPostings.CONSUMER;
    }

    @Override
    public Set<String> eventTypes() {
        return PostingRules.STOCK_EVENTS;
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonObject payload = Jsonp.parseObject(event.payload());
        JsonObject level = payload.getJsonObject("level");
        if (level == null || !payload.containsKey("sku") || !payload.containsKey("location")) {
            // Synthetic or foreign stock events without a level state change nothing here.
            return;
        }
        try {
            purchasing.onStockLevel(payload.getString("sku"), payload.getString("location"), level.getInt("available"),
                    level.getJsonNumber("version").longValue());
        } catch (ClassCastException | NullPointerException e) {
            throw new MalformedEventException(event.type() + " " + event.eventId() + " has no usable level state", e);
        }
    }
}
