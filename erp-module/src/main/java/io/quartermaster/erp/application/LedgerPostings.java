package io.quartermaster.erp.application;

import io.quartermaster.erp.domain.ledger.ConsumedEvents;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventHandler;
import io.quartermaster.platform.api.event.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ERP's subscription: order and stock events become journal entries. Runs in the
 * consumer's transaction (one per batch of messages), which also records the event as consumed — exactly once; the
 * entry's unique source event id makes sure of it a second time.
 */
@ApplicationScoped
public class LedgerPostings implements EventHandler {

    public static final String CONSUMER = "erp";

    /** What the books post from: order events and the stock events that carry value. */
    static final Set<String> TYPES = types();

    @Inject
    Journal journal;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    private static Set<String> types() {
        Set<String> types = new HashSet<>(ConsumedEvents.ORDER_EVENTS);
        types.addAll(ConsumedEvents.VALUED_STOCK_EVENTS);
        return Set.copyOf(types);
    }

    @Override
    public void handle(EventEnvelope event) {
        handleAll(List.of(event));
    }

    /** A batch's entries, each payload parsed once, posted with batched statements ({@link Journal#postAll}). */
    @Override
    public void handleAll(List<EventEnvelope> events) {
        List<Journal.AutoEntry> entries = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            Journal.AutoEntry entry = entryFor(event);
            if (entry != null) {
                entries.add(entry);
            }
        }
        journal.postAll(entries);
    }

    private static Journal.AutoEntry entryFor(EventEnvelope event) {
        JsonObject payload;
        try {
            payload = event.payloadObject();
        } catch (JsonException e) {
            throw new MalformedEventException("payload of " + event.type() + " is not a JSON object", e);
        }
        try {
            return Journal.entryFor(event, payload);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new MalformedEventException(event.type() + " " + event.eventId() + ": " + e.getMessage(), e);
        }
    }
}
