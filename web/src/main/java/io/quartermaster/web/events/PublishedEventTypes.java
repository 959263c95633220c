package io.quartermaster.web.events;

import io.quartermaster.erp.api.event.LowStockDetected;
import io.quartermaster.erp.api.event.PurchaseOrderIssued;
import io.quartermaster.inventory.api.event.StockAdjusted;
import io.quartermaster.inventory.api.event.StockCounted;
import io.quartermaster.inventory.api.event.StockReceived;
import io.quartermaster.inventory.api.event.StockReleased;
import io.quartermaster.inventory.api.event.StockReserved;
import io.quartermaster.inventory.api.event.StockReturned;
import io.quartermaster.inventory.api.event.StockSold;
import io.quartermaster.inventory.api.event.StockTransferred;
import io.quartermaster.orders.api.event.OrderCancelled;
import io.quartermaster.orders.api.event.OrderPlaced;
import io.quartermaster.orders.api.event.OrderReturned;
import io.quartermaster.platform.api.webhook.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every event the modules publish, by its wire name: what a webhook may subscribe to. */
@ApplicationScoped
public class PublishedEventTypes implements EventTypes {

    /** The event records; a new event is added here to be offered to integrators. */
    public static final List<Class<?>> EVENTS = List.of(
            OrderPlaced.class, OrderCancelled.class, OrderReturned.class,
            StockReserved.class, StockReleased.class, StockSold.class, StockReturned.class, StockReceived.class,
            StockAdjusted.class, StockTransferred.class, StockCounted.class,
            PurchaseOrderIssued.class, LowStockDetected.class);

    private static final Set<String> NAMES = collect();

    private static Set<String> collect() {
        Set<String> names = new TreeSet<>();
        EVENTS.forEach(type -> names.add(type.getSimpleName()));
        return Set.copyOf(names);
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }
}
