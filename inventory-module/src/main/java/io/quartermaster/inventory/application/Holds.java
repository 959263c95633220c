package io.quartermaster.inventory.application;

import static io.quartermaster.inventory.application.StockRows.index;
import static io.quartermaster.inventory.application.StockRows.state;
import static io.quartermaster.inventory.application.StockRows.view;

import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.ConfirmHold;
import io.quartermaster.inventory.api.HoldCommand;
import io.quartermaster.inventory.api.HoldId;
import io.quartermaster.inventory.api.HoldOutcome;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.PlaceHold;
import io.quartermaster.inventory.api.ReleaseHold;
import io.quartermaster.inventory.api.Shortage;
import io.quartermaster.inventory.api.event.StockLevelState;
import io.quartermaster.inventory.api.event.StockReleased;
import io.quartermaster.inventory.api.event.StockReserved;
import io.quartermaster.inventory.api.event.StockSold;
import io.quartermaster.inventory.api.refusal.HoldExpired;
import io.quartermaster.inventory.api.refusal.InsufficientStock;
import io.quartermaster.inventory.api.refusal.UnknownLocation;
import io.quartermaster.inventory.api.refusal.UnknownSku;
import io.quartermaster.inventory.domain.hold.Hold;
import io.quartermaster.inventory.domain.hold.HoldLine;
import io.quartermaster.inventory.domain.hold.HoldStatus;
import io.quartermaster.inventory.domain.stock.MovementKind;
import io.quartermaster.inventory.domain.stock.StockChange;
import io.quartermaster.inventory.domain.stock.StockLevel;
import io.quartermaster.inventory.domain.stock.StockLevels;
import io.quartermaster.inventory.domain.stock.StockMovement;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.DatabaseClock;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds placed, confirmed and released — one at a time or as a group commit (DESIGN.md §2):
 * one transaction locks the holds the commands resolve (in id order), then the union of all
 * their stock rows, once, in (location, SKU) order; decides each command in turn against
 * those rows; writes what the accepted ones produced; and commits once. A command that
 * cannot be served is refused alone, before it changes anything, and the others proceed.
 *
 * <p>Hold expiry is decided by the database's clock, so instances whose clocks disagree
 * still agree on which holds are live.
 */
@ApplicationScoped
public class Holds {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @Inject
    StockLevels stockLevels;

    @Inject
    Outbox outbox;

    @Inject
    Catalogue catalogue;

    @Inject
    Allotments allotments;

    @Inject
    Transactions transactions;

    @Inject
    DatabaseClock databaseClock;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "qm.stock.lock-timeout", defaultValue = "2s")
    String lockTimeout;

    /**
     * Applies the commands in the order given in one transaction (the caller's, when it has
     * one). The outcome of command i is at index i.
     */
    public List<HoldOutcome> apply(List<? extends HoldCommand> commands) {
        return transactions.inTransaction(() -> applyInTransaction(commands));
    }

    private List<HoldOutcome> applyInTransaction(List<? extends HoldCommand> commands) {
        Set<String> skus = new TreeSet<>();
        Set<UUID> holdIds = new TreeSet<>();
        for (HoldCommand command : commands) {
            if (command instanceof PlaceHold place && place.lines() != null) {
                place.lines().stream().filter(l -> l != null && l.sku() != null).forEach(l -> skus.add(l.sku()));
            } else if (command instanceof ConfirmHold confirm) {
                holdIds.add(confirm.holdId().value());
            } else if (command instanceof ReleaseHold release) {
                holdIds.add(release.holdId().value());
            } else if (Allotments.concerns(command)) {
                skus.addAll(Allotments.skusOf(command));
            }
        }
        Map<Long, String> codes = catalogue.locationCodes();
        Set<String> knownSkus = skus.isEmpty() ? Set.of() : new HashSet<>(em.createQuery(
                        "select p.sku from Product p where p.sku in :skus", String.class)
                .setParameter("skus", skus).getResultList());
        Map<UUID, Hold> holds = lockHolds(holdIds);
        Instant now = holds.isEmpty() ? clock.instant() : databaseClock.now();

        // The union of every command's stock rows, locked once.
        Set<Long> rowLocations = new TreeSet<>();
        Set<String> rowSkus = new TreeSet<>();
        Map<String, Long> idsByCode = StockRows.byCode(codes);
        for (HoldCommand command : commands) {
            if (command instanceof PlaceHold place && place.locations() != null && place.lines() != null) {
                place.locations().stream().map(idsByCode::get).filter(java.util.Objects::nonNull).forEach(rowLocations::add);
                place.lines().stream().filter(l -> l != null && knownSkus.contains(l.sku()))
                        .forEach(l -> rowSkus.add(l.sku()));
            } else if (Allotments.concerns(command)) {
                Allotments.rowsOf(command, idsByCode, knownSkus, rowLocations, rowSkus);
            }
        }
        for (Hold hold : holds.values()) {
            if (hold.status() == HoldStatus.ACTIVE) {
                hold.lines().forEach(l -> {
                    rowLocations.add(l.locationId());
                    rowSkus.add(l.sku());
                });
            }
        }
        Map<String, StockLevel> levels = Map.of();
        if (!rowLocations.isEmpty() && !rowSkus.isEmpty()) {
            stockLevels.boundLockWait(lockTimeout);
            levels = index(stockLevels.lockForUpdate(rowLocations, rowSkus));
        }

        HoldBatch batch = new HoldBatch(now, codes, knownSkus, holds, levels);
        List<HoldCommand> allotting = commands.stream().filter(Allotments::concerns).map(HoldCommand.class::cast).toList();
        if (!allotting.isEmpty()) {
            batch.allotments(allotments.read(allotting, idsByCode));
        }
        List<HoldOutcome> outcomes = new ArrayList<>(commands.size());
        for (HoldCommand command : commands) {
            try {
                outcomes.add(Allotments.concerns(command) ? allotments.decide(batch, command)
                        : HoldOutcome.done(decide(batch, command)));
            } catch (ProblemException refusal) {
                outcomes.add(HoldOutcome.refused(refusal));
            }
        }
        batch.placed.forEach(em::persist);
        batch.newAllotments.forEach(em::persist);
        batch.publishTo(outbox);
        return outcomes;
    }

    private HoldView decide(HoldBatch batch, HoldCommand command) {
        if (command instanceof PlaceHold place) {
            return place(batch, place);
        }
        if (command instanceof ConfirmHold confirm) {
            return confirm(batch, confirm);
        }
        ReleaseHold release = (ReleaseHold) command;
        return release(batch, release.holdId().value(), HoldStatus.RELEASED, release.actor());
    }

    /** Every line or none; checks everything before it changes anything. */
    private HoldView place(HoldBatch batch, PlaceHold command) {
        List<CartLine> cart = CartLine.merge(command.lines());
        if (command.locations() == null || command.locations().isEmpty()) {
            throw new InvalidField("locations", "at least one location to sell from");
        }
        List<String> unknownSkus = cart.stream().map(CartLine::sku).filter(s -> !batch.knownSkus.contains(s)).toList();
        if (!unknownSkus.isEmpty()) {
            throw new UnknownSku("no product " + String.join(", ", unknownSkus),
                    Map.of("skus", unknownSkus));
        }
        List<String> unknownLocations = command.locations().stream().filter(c -> !batch.idsByCode.containsKey(c)).toList();
        if (!unknownLocations.isEmpty()) {
            throw new UnknownLocation("no location " + String.join(", ", unknownLocations));
        }
        List<Long> preference = command.locations().stream().map(batch.idsByCode::get).distinct().toList();
        List<Shortage> shortages = new ArrayList<>();
        for (CartLine line : cart) {
            int available = preference.stream().mapToInt(l -> batch.level(l, line.sku()).available()).sum();
            if (available < line.quantity()) {
                shortages.add(new Shortage(line.sku(), line.quantity(), available));
            }
        }
        if (!shortages.isEmpty()) {
            throw new InsufficientStock(shortages);
        }
        Instant now = clock.instant();
        UUID holdId = command.holdId() != null ? command.holdId().value() : UUID.randomUUID();
        List<HoldLine> holdLines = new ArrayList<>();
        for (CartLine line : cart) {
            int remaining = line.quantity();
            for (Long locationId : preference) {
                StockLevel level = batch.level(locationId, line.sku());
                int take = Math.min(remaining, level.available());
                if (take > 0) {
                    level.reserve(take, now);
                    holdLines.add(new HoldLine(locationId, line.sku(), take));
                    String location = batch.codes.get(locationId);
                    BigDecimal averageCost = level.averageCost();
                    StockLevelState state = state(level);
                    batch.publishLater(new StockReserved(line.sku(), location, take, averageCost, BigDecimal.ZERO.setScale(2),
                            holdId.toString(), null, command.actor(), state));
                    remaining -= take;
                }
                if (remaining == 0) {
                    break;
                }
            }
        }
        Hold hold = new Hold(holdId, command.channel(), command.owner(), command.reference(), command.expiresAt(),
                holdLines, now);
        batch.placed.add(hold);
        return view(hold, batch.codes);
    }

    private HoldView confirm(HoldBatch batch, ConfirmHold command) {
        Hold hold = batch.activeHold(command.holdId().value());
        if (hold.expiredAt(batch.now)) {
            // The sweeper releases it; confirming now would sell units the buyer no longer holds.
            throw new HoldExpired("hold " + hold.id() + " expired at " + hold.expiresAt());
        }
        Instant now = clock.instant();
        for (HoldLine line : hold.lines()) {
            StockLevel level = batch.level(line.locationId(), line.sku());
            StockChange change = level.sellReserved(line.quantity(), now);
            StockMovement movement = new StockMovement(level, MovementKind.SALE, change, null, command.reference(),
                    command.actor(), now);
            em.persist(movement); // its id (from the sequence) goes into the event
            batch.publishLater(new StockSold(line.sku(), batch.codes.get(line.locationId()), change.quantity(),
                    change.unitCost(), change.value(), command.reference(), movement.id(), command.actor(), state(level), null));
        }
        hold.resolve(HoldStatus.CONFIRMED, command.actor(), now);
        return view(hold, batch.codes);
    }

    private HoldView release(HoldBatch batch, UUID holdId, HoldStatus outcome, String actor) {
        Hold hold = batch.activeHold(holdId);
        Instant now = clock.instant();
        for (HoldLine line : hold.lines()) {
            StockLevel level = batch.level(line.locationId(), line.sku());
            level.unreserve(line.quantity(), now);
            String location = batch.codes.get(line.locationId());
            BigDecimal averageCost = level.averageCost();
            StockLevelState state = state(level);
            batch.publishLater(new StockReleased(line.sku(), location, line.quantity(), averageCost,
                    BigDecimal.ZERO.setScale(2), hold.id().toString(), null, actor, state));
        }
        hold.resolve(outcome, actor, now);
        return view(hold, batch.codes);
    }

    /**
     * Locks the holds in id order and reads them again under the lock: one may have been read
     * earlier in the caller's transaction, and a status changed since (expired by the sweeper)
     * must be seen.
     */
    private Map<UUID, Hold> lockHolds(Set<UUID> ids) {
        Map<UUID, Hold> holds = new HashMap<>();
        if (ids.isEmpty()) {
            return holds;
        }
        em.createQuery("select h from Hold h where h.id in :ids order by h.id", Hold.class)
                .setParameter("ids", new LinkedHashSet<>(ids))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("eclipselink.refresh", "true")
                .getResultList()
                .forEach(h -> holds.put(h.id(), h));
        return holds;
    }

    Optional<HoldView> find(HoldId holdId) {
        return Optional.ofNullable(em.find(Hold.class, holdId.value())).map(h -> view(h, catalogue.locationCodes()));
    }

    /** The active holds, oldest first (at most 1,000). */
    List<HoldView> active() {
        Map<Long, String> codes = catalogue.locationCodes();
        return em.createQuery("select h from Hold h where h.status = :active order by h.createdAt", Hold.class)
                .setParameter("active", HoldStatus.ACTIVE)
                .setMaxResults(1000)
                .getResultStream().map(h -> view(h, codes)).toList();
    }

    /**
     * Releases expired holds as one batch: the due holds (by the database's clock) that no one
     * else holds the lock of — a confirm in progress, the sweeper of another instance — are
     * claimed with {@code SKIP LOCKED}, their stock rows locked once, all released, one commit.
     * One wait for a hot row per sweep instead of one per hold.
     *
     * @return how many holds this call expired
     */
    public int expireDue(int max) {
        return transactions.inTransaction(() -> {
            @SuppressWarnings("unchecked")
            List<Object> claimed = em.createNativeQuery("select id from inventory.hold where status = 'ACTIVE' "
                            + "and expires_at <= now() order by expires_at limit ?1 for update skip locked")
                    .setParameter(1, max)
                    .getResultList();
            if (claimed.isEmpty()) {
                return 0;
            }
            Set<UUID> ids = new TreeSet<>();
            claimed.forEach(id -> ids.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())));
            Map<UUID, Hold> holds = lockHolds(ids); // locked already: this reads them again, fresh
            Set<Long> locations = new TreeSet<>();
            Set<String> skus = new TreeSet<>();
            holds.values().forEach(h -> h.lines().forEach(l -> {
                locations.add(l.locationId());
                skus.add(l.sku());
            }));
            stockLevels.boundLockWait(lockTimeout);
            HoldBatch batch = new HoldBatch(clock.instant(), catalogue.locationCodes(), Set.of(), holds,
                    index(stockLevels.lockForUpdate(locations, skus)));
            for (UUID id : ids) {
                release(batch, id, HoldStatus.EXPIRED, "hold-expiry");
            }
            batch.publishTo(outbox);
            return ids.size();
        });
    }
}
