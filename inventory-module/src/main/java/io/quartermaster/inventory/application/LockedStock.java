package io.quartermaster.inventory.application;

import static io.quartermaster.inventory.application.StockRows.key;
import static io.quartermaster.inventory.application.StockRows.state;

import io.quartermaster.inventory.api.MovementView;
import io.quartermaster.inventory.api.event.StockLevelState;
import io.quartermaster.inventory.domain.stock.MovementKind;
import io.quartermaster.inventory.domain.stock.StockChange;
import io.quartermaster.inventory.domain.stock.StockLevel;
import io.quartermaster.inventory.domain.stock.StockMovement;
import io.quartermaster.platform.api.event.DomainEvent;
import io.quartermaster.platform.api.event.Outbox;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The stock rows one command holds locked, and the one way a change to them is written down:
 * {@link #record} appends the movement and publishes its event with the level after it. Built
 * by {@link StockCommands#underLock}; lives for one transaction.
 */
final class LockedStock {

    /**
     * The constructor every stock event shares ({@code StockReceived::new}, {@code StockAdjusted::new}, …):
     * SKU, location code, signed quantity, unit cost and value of the movement, reference, movement id,
     * actor and the level after it.
     */
    @FunctionalInterface
    interface StockEvent {
        DomainEvent of(String sku, String location, int quantity, BigDecimal unitCost, BigDecimal value,
                       String reference, Long movementId, String actor, StockLevelState level);
    }

    final Instant now;
    private final Map<String, StockLevel> levels;
    private final Map<Long, String> codes;
    private final EntityManager em;
    private final Outbox outbox;

    LockedStock(Instant now, Map<String, StockLevel> levels, Map<Long, String> codes, EntityManager em, Outbox outbox) {
        this.now = now;
        this.levels = levels;
        this.codes = codes;
        this.em = em;
        this.outbox = outbox;
    }

    /** A locked row (every row the command asked for exists: missing ones were created as zero rows). */
    StockLevel level(long locationId, String sku) {
        return levels.get(key(locationId, sku));
    }

    /**
     * Appends the movement of {@code change} and publishes its event. The event carries the
     * movement's reference; an adjustment or a count has none of its own and is referred to by
     * its movement id ({@code adjustment:<id>}, {@code count:<id>}).
     */
    MovementView record(StockLevel level, MovementKind kind, StockChange change, String reason, String reference,
                        String actor, StockEvent event) {
        StockMovement movement = new StockMovement(level, kind, change, reason, reference, actor, now);
        em.persist(movement); // its id (from the sequence) goes into the event
        String location = codes.get(level.locationId());
        String eventReference = switch (kind) {
            case ADJUSTMENT -> "adjustment:" + movement.id();
            case COUNT_CORRECTION -> "count:" + movement.id();
            default -> reference;
        };
        outbox.publish(event.of(level.sku(), location, change.quantity(), change.unitCost(), change.value(),
                eventReference, movement.id(), actor, state(level)));
        return StockQueries.view(movement, location);
    }
}
