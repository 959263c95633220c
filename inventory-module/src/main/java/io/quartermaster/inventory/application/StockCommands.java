package io.quartermaster.inventory.application;

import static io.quartermaster.inventory.application.StockRows.index;

import io.quartermaster.inventory.api.AdjustStock;
import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.CountStock;
import io.quartermaster.inventory.api.MovementView;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.Shortage;
import io.quartermaster.inventory.api.TransferStock;
import io.quartermaster.inventory.api.event.StockAdjusted;
import io.quartermaster.inventory.api.event.StockCounted;
import io.quartermaster.inventory.api.event.StockReceived;
import io.quartermaster.inventory.api.event.StockReturned;
import io.quartermaster.inventory.api.event.StockTransferred;
import io.quartermaster.inventory.api.refusal.BelowReserved;
import io.quartermaster.inventory.api.refusal.InsufficientStock;
import io.quartermaster.inventory.api.refusal.ReturnExceedsSale;
import io.quartermaster.inventory.domain.catalogue.Location;
import io.quartermaster.inventory.domain.stock.MovementKind;
import io.quartermaster.inventory.domain.stock.StockChange;
import io.quartermaster.inventory.domain.stock.StockLevel;
import io.quartermaster.inventory.domain.stock.StockLevels;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receipts, adjustments, transfers, counts and returns: the stock commands that are not holds
 * ({@link Holds}). They share one shape, {@link #underLock}: the checks that need no row first;
 * then one short transaction ({@link Transactions}, which also retries deadlock and
 * serialization failures) that looks the products and locations up, locks every row the command
 * names together in (location, SKU) order under the bounded lock wait (DESIGN.md §2), decides
 * against the locked rows and writes each change through {@link LockedStock#record} — its
 * movement and its event. Nothing remote while a lock is held.
 */
@ApplicationScoped
public class StockCommands {

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
    Clock clock;

    @Inject
    @ConfigProperty(name = "qm.stock.lock-timeout", defaultValue = "2s")
    String lockTimeout;

    public MovementView receive(ReceiveStock command, String actor) {
        requirePositive("quantity", command.quantity);
        if (command.unitCost == null || command.unitCost.signum() < 0) {
            throw new InvalidField("unitCost", "must be zero or more");
        }
        return transactions.inTransaction(() -> {
            Location location = require(command.sku, command.location, "location");
            return underLock(List.of(command.sku), Map.of(location.id(), location.code()), rows -> {
                StockLevel level = rows.level(location.id(), command.sku);
                StockChange change = level.receive(command.quantity, command.unitCost, rows.now);
                return rows.record(level, MovementKind.RECEIPT, change, null, command.reference, actor, StockReceived::new);
            });
        });
    }

    public MovementView adjust(AdjustStock command, String actor) {
        if (command.quantityDelta == null || command.quantityDelta == 0) {
            throw new InvalidField("quantityDelta", "must not be zero");
        }
        return transactions.inTransaction(() -> {
            Location location = require(command.sku, command.location, "location");
            return underLock(List.of(command.sku), Map.of(location.id(), location.code()), rows -> {
                StockLevel level = rows.level(location.id(), command.sku);
                StockChange change = change(level, command.quantityDelta, rows);
                return rows.record(level, MovementKind.ADJUSTMENT, change, command.reason, null, actor, StockAdjusted::new);
            });
        });
    }

    public List<MovementView> transfer(TransferStock command, String actor) {
        requirePositive("quantity", command.quantity);
        if (command.fromLocation != null && command.fromLocation.equals(command.toLocation)) {
            throw new InvalidField("toLocation", "must differ from fromLocation");
        }
        return transactions.inTransaction(() -> {
            Location from = require(command.sku, command.fromLocation, "fromLocation");
            Location to = catalogue.requireLocation(command.toLocation, "toLocation");
            return underLock(List.of(command.sku), Map.of(from.id(), from.code(), to.id(), to.code()), rows -> {
                StockLevel source = rows.level(from.id(), command.sku);
                StockLevel destination = rows.level(to.id(), command.sku);
                if (command.quantity > source.available()) {
                    throw new InsufficientStock(List.of(new Shortage(command.sku, command.quantity, source.available())));
                }
                String reference = "transfer:" + UUID.randomUUID();
                StockChange out = source.issue(command.quantity, rows.now);
                StockChange in = destination.receiveValued(command.quantity, out.value().negate(), rows.now);
                return List.of(
                        rows.record(source, MovementKind.TRANSFER_OUT, out, "to " + to.code(), reference, actor,
                                StockTransferred::new),
                        rows.record(destination, MovementKind.TRANSFER_IN, in, "from " + from.code(), reference, actor,
                                StockTransferred::new));
            });
        });
    }

    public Optional<MovementView> count(CountStock command, String actor) {
        if (command.countedQuantity == null || command.countedQuantity < 0) {
            throw new InvalidField("countedQuantity", "must be zero or more");
        }
        return transactions.inTransaction(() -> {
            Location location = require(command.sku, command.location, "location");
            return underLock(List.of(command.sku), Map.of(location.id(), location.code()), rows -> {
                StockLevel level = rows.level(location.id(), command.sku);
                // A lost register's units come back first: the count decides what is really there.
                outbox.publishAll(allotments.thawFrozen(level, location.code(), actor, rows.now));
                int delta = command.countedQuantity - level.onHand();
                if (delta == 0) {
                    return Optional.<MovementView>empty();
                }
                if (command.countedQuantity < level.reserved()) {
                    // Held units are promised to buyers: a count below them needs the holds resolved first.
                    throw new BelowReserved("counted " + command.countedQuantity + " of " + command.sku + " but "
                            + level.reserved() + " are held for buyers; release or confirm those holds first",
                            Map.of("reserved", level.reserved(), "onHand", level.onHand()));
                }
                String reason = command.reason == null || command.reason.isBlank() ? "stock count" : command.reason;
                return Optional.of(rows.record(level, MovementKind.COUNT_CORRECTION, change(level, delta, rows), reason,
                        null, actor, StockCounted::new));
            });
        });
    }

    /** Sold units coming back to where they were sold from, at the value their sale took out. */
    public List<MovementView> returnSold(String saleReference, List<CartLine> lines, String actor) {
        List<CartLine> cart = CartLine.merge(lines);
        return transactions.inTransaction(() -> {
            Map<String, SaleRecord> sales = new LinkedHashMap<>();
            for (CartLine line : cart) {
                SaleRecord sale = saleRecord(saleReference, line.sku());
                if (sale.remaining() < line.quantity()) {
                    throw new ReturnExceedsSale("only " + sale.remaining() + " of " + line.sku()
                            + " can still be returned for " + saleReference);
                }
                sales.put(line.sku(), sale);
            }
            Map<Long, String> codes = new HashMap<>(catalogue.locationCodes());
            codes.keySet().retainAll(sales.values().stream().map(SaleRecord::locationId).toList());
            return underLock(sales.keySet(), codes, rows -> {
                List<MovementView> movements = new ArrayList<>();
                for (CartLine line : cart) {
                    SaleRecord sale = sales.get(line.sku());
                    // The value the sale took out, returned pro rata; the last unit back takes what is left.
                    BigDecimal value = line.quantity() == sale.remaining()
                            ? sale.value().subtract(sale.returnedValue())
                            : sale.value().multiply(BigDecimal.valueOf(line.quantity()))
                                    .divide(BigDecimal.valueOf(sale.sold()), 2, RoundingMode.HALF_EVEN);
                    StockLevel level = rows.level(sale.locationId(), line.sku());
                    StockChange change = level.receiveValued(line.quantity(), value, rows.now);
                    movements.add(rows.record(level, MovementKind.RETURN, change, null, saleReference, actor,
                            StockReturned::new));
                }
                return movements;
            });
        });
    }

    // ---------------------------------------------------------------- the shape they share

    /**
     * Inside the command's transaction: locks the rows of every (location, SKU) pair named — the
     * SKUs at each of the locations, given with their codes — in the global order, waiting at
     * most the configured lock timeout, and hands them to the decision. A refusal thrown by
     * {@code decide} rolls the whole command back.
     */
    private <T> T underLock(Collection<String> skus, Map<Long, String> locations, Function<LockedStock, T> decide) {
        stockLevels.boundLockWait(lockTimeout);
        LockedStock rows = new LockedStock(clock.instant(),
                index(stockLevels.lockForUpdate(new TreeSet<>(locations.keySet()), skus)), locations, em, outbox);
        return decide.apply(rows);
    }

    /** The product must exist; the location is looked up by its code, refused under {@code field}. */
    private Location require(String sku, String locationCode, String field) {
        catalogue.requireProducts(List.of(sku));
        return catalogue.requireLocation(locationCode, field);
    }

    /** Units found come in at the average cost; units lost leave at it, never below what buyers hold. */
    private static StockChange change(StockLevel level, int delta, LockedStock rows) {
        if (delta > 0) {
            return level.receiveAtAverage(delta, rows.now);
        }
        if (-delta > level.available()) {
            throw new BelowReserved("cannot remove " + -delta + " of " + level.sku() + ": "
                    + level.onHand() + " on hand of which " + level.reserved() + " are held for buyers",
                    Map.of("onHand", level.onHand(), "reserved", level.reserved(), "available", level.available()));
        }
        return level.issue(-delta, rows.now);
    }

    private record SaleRecord(long locationId, int sold, BigDecimal value, int returned, BigDecimal returnedValue) {
        int remaining() {
            return sold - returned;
        }
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
            throw new NotFound("no sale of " + sku + " under " + reference);
        }
        return new SaleRecord(((Number) row[0]).longValue(), ((Number) row[1]).intValue(), (BigDecimal) row[2],
                ((Number) row[3]).intValue(), (BigDecimal) row[4]);
    }

    private static void requirePositive(String field, Integer quantity) {
        if (quantity == null || quantity <= 0) {
            throw new InvalidField(field, "must be greater than 0");
        }
    }
}
