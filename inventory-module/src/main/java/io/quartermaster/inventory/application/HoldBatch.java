package io.quartermaster.inventory.application;

import io.quartermaster.inventory.domain.allotment.Allotment;
import static io.quartermaster.inventory.application.StockRows.key;

import io.quartermaster.inventory.api.refusal.HoldExpired;
import io.quartermaster.inventory.api.refusal.HoldNotActive;
import io.quartermaster.inventory.domain.hold.Hold;
import io.quartermaster.inventory.domain.hold.HoldStatus;
import io.quartermaster.inventory.domain.stock.StockLevel;
import io.quartermaster.platform.api.event.DomainEvent;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one batch of hold commands ({@link Holds}) has locked and read, shared by its decisions,
 * and what the accepted ones produced: holds to insert and events to publish once every
 * command has been decided.
 */
final class HoldBatch {

    /** The database's time when the batch resolves holds (expiry is decided by it), else this instance's. */
    final Instant now;
    final Map<Long, String> codes;
    final Map<String, Long> idsByCode;
    final Set<String> knownSkus;
    final List<Hold> placed = new ArrayList<>();
    private final Map<UUID, Hold> holds;
    private final Map<String, StockLevel> levels;
    private final List<DomainEvent> events = new ArrayList<>();

    HoldBatch(Instant now, Map<Long, String> codes, Set<String> knownSkus, Map<UUID, Hold> holds,
              Map<String, StockLevel> levels) {
        this.now = now;
        this.codes = codes;
        this.idsByCode = StockRows.byCode(codes);
        this.knownSkus = knownSkus;
        this.holds = holds;
        this.levels = levels;
    }

    StockLevel level(long locationId, String sku) {
        return levels.get(key(locationId, sku));
    }

    /** The locked hold, if it is still active; refused as gone, expired or already resolved otherwise. */
    Hold activeHold(UUID holdId) {
        Hold hold = holds.get(holdId);
        if (hold == null) {
            throw new NotFound("no hold " + holdId);
        }
        if (hold.status() != HoldStatus.ACTIVE) {
            if (hold.status() == HoldStatus.EXPIRED) {
                throw new HoldExpired("hold " + holdId + " expired at " + hold.expiresAt());
            }
            throw new HoldNotActive("hold " + holdId + " is already " + hold.status(),
                    Map.of("holdStatus", hold.status().name()));
        }
        return hold;
    }

    /** The allotments the batch's allotment commands aim at, read under the rows' locks; new ones are stored. */
    private Map<Allotment.Key, Allotment> allotments = Map.of();
    final List<Allotment> newAllotments = new ArrayList<>();

    void allotments(Map<Allotment.Key, Allotment> read) {
        this.allotments = new java.util.HashMap<>(read);
    }

    /** The holder's allotment of the SKU at the location, created (empty) when it has none yet. */
    Allotment allotment(String holder, long locationId, String sku, Instant at) {
        return allotments.computeIfAbsent(new Allotment.Key(holder, locationId, sku), k -> {
            Allotment created = new Allotment(holder, locationId, sku, at);
            newAllotments.add(created);
            return created;
        });
    }

    /** An event of an accepted command, written once every command of the batch has been decided. */
    void publishLater(DomainEvent event) {
        events.add(event);
    }

    /** The batch's events, in the order decided. */
    void publishTo(Outbox outbox) {
        outbox.publishAll(events);
    }
}
