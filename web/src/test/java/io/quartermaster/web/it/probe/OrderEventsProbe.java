package io.quartermaster.web.it.probe;

import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.event.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.Set;

/** Test deployment only: records every order event it receives as {@code <type>:<orderId>}. */
@ApplicationScoped
public class OrderEventsProbe implements EventHandler {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Override
    public String consumer() {
        return "it-orders";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("OrderPlaced", "OrderCancelled", "OrderReturned");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonObject payload = Json.createReader(new StringReader(event.payload())).readObject();
        em.createNativeQuery("insert into it_probe.effect (event_id, note) values (?1, ?2)")
                .setParameter(1, event.eventId())
                .setParameter(2, event.type() + ":" + payload.getString("orderId"))
                .executeUpdate();
    }
}
