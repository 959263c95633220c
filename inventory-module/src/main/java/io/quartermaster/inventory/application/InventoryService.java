package io.quartermaster.inventory.application;

import static io.quartermaster.inventory.application.StockRows.index;
import static io.quartermaster.inventory.application.StockRows.insufficient;
import static io.quartermaster.inventory.application.StockRows.key;
import static io.quartermaster.inventory.application.StockRows.state;

import io.quartermaster.inventory.api.AdjustStock;
import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.ConfirmHold;
import io.quartermaster.inventory.api.CountStock;
import io.quartermaster.inventory.api.HoldCommand;
import io.quartermaster.inventory.api.HoldOutcome;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.InventoryFacade.MovementSort;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationView;
import io.quartermaster.inventory.api.MovementView;
import io.quartermaster.inventory.api.Page;
import io.quartermaster.inventory.api.PlaceHold;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.PutLocation;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.ReleaseHold;
import io.quartermaster.inventory.api.Saved;
import io.quartermaster.inventory.api.Shortage;
import io.quartermaster.inventory.api.StockCheck;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.inventory.api.TransferStock;
import io.quartermaster.inventory.api.event.StockAdjusted;
import io.quartermaster.inventory.api.event.StockCounted;
import io.quartermaster.inventory.api.event.StockReceived;
import io.quartermaster.inventory.api.event.StockReturned;
import io.quartermaster.inventory.api.event.StockTransferred;
import io.quartermaster.inventory.api.refusal.BelowReserved;
import io.quartermaster.inventory.api.refusal.ReturnExceedsSale;
import io.quartermaster.inventory.domain.catalogue.Location;
import io.quartermaster.inventory.domain.hold.Hold;
import io.quartermaster.inventory.domain.hold.HoldStatus;
import io.quartermaster.inventory.domain.stock.MovementKind;
import io.quartermaster.inventory.domain.stock.StockChange;
import io.quartermaster.inventory.domain.stock.StockLevel;
import io.quartermaster.inventory.domain.stock.StockLevels;
import io.quartermaster.inventory.domain.stock.StockMovement;
import io.quartermaster.platform.api.check.InvariantCheck;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inventory's facade: the catalogue ({@link Catalogue}), holds ({@link Holds}), reads
 * ({@link StockQueries}) and checks ({@link StockChecks}) live in their own classes; the stock
 * commands stay here. Each stock command follows DESIGN.md §2: one short transaction
 * ({@link Transactions}, which also retries deadlock and serialization failures), a bounded
 * lock wait, the stock rows locked together in (location, SKU) order, checks, changes,
 * movements and outbox events — and nothing remote while a lock is held.
 */
@ApplicationScoped
public class InventoryService implements InventoryFacade {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @Inject
    StockLevels stockLevels;

    @Inject
    Outbox outbox;

    @Inject
    Holds holds;

    @Inject
    Catalogue catalogue;

    @Inject
    StockQueries queries;

    @Inject
    StockChecks checks;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "qm.stock.lock-timeout", defaultValue = "2s")
    String lockTimeout;

    // ---------------------------------------------------------------- catalogue (Catalogue)

    @Override
    public Saved<ProductView> putProduct(String sku, PutProduct request) {
        return catalogue.putProduct(sku, request);
    }

    @Override
    public Optional<ProductView> product(String sku) {
        return catalogue.product(sku);
    }

    @Override
    public Map<String, ProductView> products(java.util.Collection<String> skus) {
        return catalogue.products(skus);
    }

    @Override
    public Page<ProductView> products(int page, int size) {
        return catalogue.products(page, size);
    }

    @Override
    public Page<ProductView> products(String text, String sortBy, boolean ascending, int page, int size) {
        return catalogue.products(text, sortBy, ascending, page, size);
    }

    @Override
    public Saved<LocationView> putLocation(String code, PutLocation request) {
        return catalogue.putLocation(code, request);
    }

    @Override
    public List<LocationView> locations() {
        return catalogue.locations();
    }

    // ---------------------------------------------------------------- reads (StockQueries)

    @Override
    public StockView stock(String sku) {
        return queries.stock(sku);
    }

    @Override
    public int available(String sku, List<String> locations) {
        return queries.available(sku, locations);
    }

    @Override
    public Page<MovementView> movements(String sku, int page, int size) {
        return queries.movements(sku, page, size);
    }

    @Override
    public Page<MovementView> movements(String sku, int page, int size, MovementSort sort, boolean ascending) {
        return queries.movements(sku, page, size, sort, ascending);
    }

    @Override
    public int[] dailySales(String sku, String location, int days) {
        return queries.dailySales(sku, location, days);
    }

    @Override
    public List<StockView.Valuation> valuation() {
        return queries.valuation();
    }

    @Override
    public Map<String, Map<String, Integer>> unitsSoldByReference() {
        return queries.unitsSoldByReference();
    }

    // ---------------------------------------------------------------- checks (StockChecks)

    @Override
    public StockCheck check() {
        return checks.check();
    }

    @Override
    public List<InvariantCheck> invariants() {
        return checks.invariants();
    }








    // ---------------------------------------------------------------- holds

    @Override
    public HoldView placeHold(PlaceHold command) {
        return holds.apply(List.of(command)).get(0).orThrow();
    }

    @Override
    public HoldView confirmHold(UUID holdId, String reference, String actor) {
        return holds.apply(List.of(new ConfirmHold(holdId, reference, actor))).get(0).orThrow();
    }

    @Override
    public HoldView releaseHold(UUID holdId, String actor) {
        return holds.apply(List.of(new ReleaseHold(holdId, actor))).get(0).orThrow();
    }

    @Override
    public List<HoldOutcome> applyHolds(List<? extends HoldCommand> commands) {
        return holds.apply(commands);
    }

    /** Releases up to {@code max} expired holds that no one else holds the lock of, as one batch; how many. */
    public int expireDue(int max) {
        return holds.expireDue(max);
    }

    @Override
    public Optional<HoldView> hold(UUID holdId) {
        return Optional.ofNullable(em.find(Hold.class, holdId)).map(h -> StockRows.view(h, catalogue.locationCodes()));
    }

    @Override
    public List<HoldView> activeHolds() {
        Map<Long, String> codes = catalogue.locationCodes();
        return em.createQuery("select h from Hold h where h.status = :active order by h.createdAt", Hold.class)
                .setParameter("active", HoldStatus.ACTIVE)
                .setMaxResults(1000)
                .getResultStream().map(h -> StockRows.view(h, codes)).toList();
    }

    // ---------------------------------------------------------------- stock commands

    @Override
    public MovementView receive(ReceiveStock command, String actor) {
        requirePositive("quantity", command.quantity);
        if (command.unitCost == null || command.unitCost.signum() < 0) {
            throw ProblemException.invalidField("unitCost", "must be zero or more");
        }
        return transactions.inTransaction(() -> {
            catalogue.requireProducts(List.of(command.sku));
            Location location = catalogue.requireLocation(command.location, "location");
            StockLevel level = lockOne(location.id(), command.sku);
            Instant now = clock.instant();
            StockChange change = level.receive(command.quantity, command.unitCost, now);
            StockMovement movement = record(level, MovementKind.RECEIPT, change, null, command.reference, actor, now);
            outbox.publish(new StockReceived(command.sku, location.code(), change.quantity(), change.unitCost(),
                    change.value(), command.reference, movement.id(), actor, state(level)));
            return StockQueries.view(movement, location.code());
        });
    }

    @Override
    public MovementView adjust(AdjustStock command, String actor) {
        if (command.quantityDelta == null || command.quantityDelta == 0) {
            throw ProblemException.invalidField("quantityDelta", "must not be zero");
        }
        return transactions.inTransaction(() -> {
            catalogue.requireProducts(List.of(command.sku));
            Location location = catalogue.requireLocation(command.location, "location");
            StockLevel level = lockOne(location.id(), command.sku);
            Instant now = clock.instant();
            int delta = command.quantityDelta;
            if (delta < 0 && -delta > level.available()) {
                throw belowReserved(level, -delta);
            }
            StockChange change = delta > 0 ? level.receiveAtAverage(delta, now) : level.issue(-delta, now);
            StockMovement movement = record(level, MovementKind.ADJUSTMENT, change, command.reason, null, actor, now);
            outbox.publish(new StockAdjusted(command.sku, location.code(), change.quantity(), change.unitCost(),
                    change.value(), "adjustment:" + movement.id(), movement.id(), actor, state(level)));
            return StockQueries.view(movement, location.code());
        });
    }

    @Override
    public List<MovementView> transfer(TransferStock command, String actor) {
        requirePositive("quantity", command.quantity);
        if (command.fromLocation != null && command.fromLocation.equals(command.toLocation)) {
            throw ProblemException.invalidField("toLocation", "must differ from fromLocation");
        }
        return transactions.inTransaction(() -> {
            catalogue.requireProducts(List.of(command.sku));
            Location from = catalogue.requireLocation(command.fromLocation, "fromLocation");
            Location to = catalogue.requireLocation(command.toLocation, "toLocation");
            stockLevels.boundLockWait(lockTimeout);
            Map<String, StockLevel> levels = index(stockLevels.lockForUpdate(List.of(from.id(), to.id()), List.of(command.sku)));
            StockLevel source = levels.get(key(from.id(), command.sku));
            StockLevel destination = levels.get(key(to.id(), command.sku));
            if (command.quantity > source.available()) {
                throw insufficient(List.of(new Shortage(command.sku, command.quantity, source.available())));
            }
            Instant now = clock.instant();
            String reference = "transfer:" + UUID.randomUUID();
            StockChange out = source.issue(command.quantity, now);
            StockChange in = destination.receiveValued(command.quantity, out.value().negate(), now);
            StockMovement outMovement = record(source, MovementKind.TRANSFER_OUT, out, "to " + to.code(), reference, actor, now);
            StockMovement inMovement = record(destination, MovementKind.TRANSFER_IN, in, "from " + from.code(), reference, actor, now);
            outbox.publish(new StockTransferred(command.sku, from.code(), out.quantity(), out.unitCost(), out.value(),
                    reference, outMovement.id(), actor, state(source)));
            outbox.publish(new StockTransferred(command.sku, to.code(), in.quantity(), in.unitCost(), in.value(),
                    reference, inMovement.id(), actor, state(destination)));
            return List.of(StockQueries.view(outMovement, from.code()), StockQueries.view(inMovement, to.code()));
        });
    }

    @Override
    public Optional<MovementView> count(CountStock command, String actor) {
        if (command.countedQuantity == null || command.countedQuantity < 0) {
            throw ProblemException.invalidField("countedQuantity", "must be zero or more");
        }
        return transactions.inTransaction(() -> {
            catalogue.requireProducts(List.of(command.sku));
            Location location = catalogue.requireLocation(command.location, "location");
            StockLevel level = lockOne(location.id(), command.sku);
            int delta = command.countedQuantity - level.onHand();
            if (delta == 0) {
                return Optional.<MovementView>empty();
            }
            if (command.countedQuantity < level.reserved()) {
                // Held units are promised to buyers: a count below them needs the holds resolved first.
                throw new BelowReserved("counted " + command.countedQuantity + " of "
                        + command.sku + " but " + level.reserved() + " are held for buyers; release or confirm those holds first",
                        Map.of("reserved", level.reserved(), "onHand", level.onHand()));
            }
            Instant now = clock.instant();
            StockChange change = delta > 0 ? level.receiveAtAverage(delta, now) : level.issue(-delta, now);
            String reason = command.reason == null || command.reason.isBlank() ? "stock count" : command.reason;
            StockMovement movement = record(level, MovementKind.COUNT_CORRECTION, change, reason, null, actor, now);
            outbox.publish(new StockCounted(command.sku, location.code(), change.quantity(), change.unitCost(),
                    change.value(), "count:" + movement.id(), movement.id(), actor, state(level)));
            return Optional.of(StockQueries.view(movement, location.code()));
        });
    }

    @Override
    public List<MovementView> returnSold(String saleReference, List<CartLine> lines, String actor) {
        List<CartLine> cart = CartLine.merge(lines);
        return transactions.inTransaction(() -> {
            Map<String, SaleRecord> sales = new LinkedHashMap<>();
            for (CartLine line : cart) {
                SaleRecord sale = saleRecord(saleReference, line.sku());
                if (sale.sold() - sale.returned() < line.quantity()) {
                    throw new ReturnExceedsSale("only " + (sale.sold() - sale.returned())
                            + " of " + line.sku() + " can still be returned for " + saleReference);
                }
                sales.put(line.sku(), sale);
            }
            stockLevels.boundLockWait(lockTimeout);
            Map<String, StockLevel> levels = index(stockLevels.lockForUpdate(
                    sales.values().stream().map(SaleRecord::locationId).toList(), sales.keySet()));
            Map<Long, String> codes = catalogue.locationCodes();
            Instant now = clock.instant();
            List<MovementView> movements = new ArrayList<>();
            for (CartLine line : cart) {
                SaleRecord sale = sales.get(line.sku());
                int remaining = sale.sold() - sale.returned();
                // The value the sale took out, returned pro rata; the last unit back takes what is left.
                BigDecimal value = line.quantity() == remaining
                        ? sale.value().subtract(sale.returnedValue())
                        : sale.value().multiply(BigDecimal.valueOf(line.quantity()))
                                .divide(BigDecimal.valueOf(sale.sold()), 2, RoundingMode.HALF_EVEN);
                StockLevel level = levels.get(key(sale.locationId(), line.sku()));
                StockChange change = level.receiveValued(line.quantity(), value, now);
                StockMovement movement = record(level, MovementKind.RETURN, change, null, saleReference, actor, now);
                String code = codes.get(sale.locationId());
                outbox.publish(new StockReturned(line.sku(), code, change.quantity(), change.unitCost(), change.value(),
                        saleReference, movement.id(), actor, state(level)));
                movements.add(StockQueries.view(movement, code));
            }
            return movements;
        });
    }

    private record SaleRecord(long locationId, int sold, BigDecimal value, int returned, BigDecimal returnedValue) {
    }

    private SaleRecord saleRecord(String reference, String sku) {
        Object[] row = (Object[]) em.createNativeQuery("select min(location_id), "
                        + "coalesce(-sum(quantity) filter (where kind = 'SALE'), 0), "
                        + "coalesce(-sum(value) filter (where kind = 'SALE'), 0), "
                        + "coalesce(sum(quantity) filter (where kind = 'RETURN'), 0), "
                        + "coalesce(sum(value) filter (where kind = 'RETURN'), 0) "
                        + "from inventory.stock_movement where reference = ?1 and sku = ?2")
                .setParameter(1, reference)
                .setParameter(2, sku)
                .getSingleResult();
        if (row[0] == null) {
            throw ProblemException.notFound("no sale of " + sku + " under " + reference);
        }
        return new SaleRecord(((Number) row[0]).longValue(), ((Number) row[1]).intValue(), (BigDecimal) row[2],
                ((Number) row[3]).intValue(), (BigDecimal) row[4]);
    }








    /** The rules {@link #check()} verifies, in the order the checker lists them. */


    // ---------------------------------------------------------------- helpers

    private StockLevel lockOne(long locationId, String sku) {
        stockLevels.boundLockWait(lockTimeout);
        return stockLevels.lockForUpdate(List.of(locationId), List.of(sku)).get(0);
    }

    private StockMovement record(StockLevel level, MovementKind kind, StockChange change, String reason, String reference,
                                 String actor, Instant at) {
        StockMovement movement = new StockMovement(level, kind, change, reason, reference, actor, at);
        em.persist(movement); // its id (from the sequence) goes into the event
        return movement;
    }





    private static void requirePositive(String field, Integer quantity) {
        if (quantity == null || quantity <= 0) {
            throw ProblemException.invalidField(field, "must be greater than 0");
        }
    }


    private static ProblemException belowReserved(StockLevel level, int take) {
        return new BelowReserved("cannot remove " + take + " of " + level.sku() + ": "
                + level.onHand() + " on hand of which " + level.reserved() + " are held for buyers",
                Map.of("onHand", level.onHand(), "reserved", level.reserved(), "available", level.available()));
    }



}
