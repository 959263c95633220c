package io.quartermaster.erp.application;

import io.quartermaster.erp.api.GoodsReceipt;
import io.quartermaster.erp.api.NewPurchaseOrder;
import io.quartermaster.erp.api.PurchaseOrderId;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.erp.api.event.PurchaseOrderIssued;
import io.quartermaster.erp.api.refusal.NoSuchLocation;
import io.quartermaster.erp.domain.purchasing.PoLine;
import io.quartermaster.erp.domain.purchasing.PoStatus;
import io.quartermaster.erp.domain.purchasing.PurchaseOrder;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.platform.api.event.Outbox;
import io.quartermaster.platform.api.problem.FieldError;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.tx.DatabaseClock;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Purchase orders through their life: created (by hand, or as drafts and issued ones by
 * {@link Replenishment}), issued, cancelled, received into stock line by line. The rules are the
 * domain's ({@link PurchaseOrder}, {@link PoLine}, {@link PoStatus}); each move runs under the
 * order's row lock, stamped with the database's time.
 */
@ApplicationScoped
public class PurchaseOrders {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    Outbox outbox;

    @Inject
    Transactions transactions;

    @Inject
    DatabaseClock databaseClock;

    @Inject
    Vendors vendors;

    @Inject
    PurchaseOrderQueries queries;

    @Inject
    Replenishment replenishment;

    public PurchaseOrderView createPurchaseOrder(NewPurchaseOrder order, String actor) {
        if (vendors.find(order.vendor).isEmpty()) {
            throw new NotFound("no vendor " + order.vendor);
        }
        Set<String> locations = new HashSet<>();
        inventory.locations().forEach(l -> locations.add(l.code()));
        Set<Sku> products = inventory.products(order.lines.stream().map(l -> l.sku).filter(Objects::nonNull)
                .map(Sku::new).toList()).keySet();
        for (int i = 0; i < order.lines.size(); i++) {
            String sku = order.lines.get(i).sku;
            if (sku == null || !products.contains(new Sku(sku))) {
                throw new NotFound("no product " + order.lines.get(i).sku);
            }
            // Locations are the inventory module's: no foreign key can reach them, so they are checked here.
            if (!locations.contains(order.lines.get(i).location)) {
                throw new NoSuchLocation("no location " + order.lines.get(i).location,
                        Map.of("errors", List.of(new FieldError("lines[" + i + "].location", "no such location"))));
            }
        }
        UUID id = transactions.inTransaction(() -> {
            PurchaseOrder po = newOrder(order.vendor, false, PoStatus.DRAFT, actor);
            for (NewPurchaseOrder.Line line : order.lines) {
                addLine(po, line.sku, line.location, line.quantity, line.unitCost);
            }
            return po.id();
        });
        return queries.one(new PurchaseOrderId(id));
    }

    public PurchaseOrderView issue(PurchaseOrderId poId, String actor) {
        UUID id = poId.value();
        transactions.inTransaction(() -> {
            PurchaseOrder po = lock(id);
            po.issue(databaseClock.now());
            outbox.publish(issued(po));
        });
        return queries.one(poId);
    }

    public PurchaseOrderView cancel(PurchaseOrderId poId, String actor) {
        UUID id = poId.value();
        transactions.inTransaction(() -> {
            PurchaseOrder po = lock(id);
            po.cancel(databaseClock.now());
            List<PoLine> lines = lines(id);
            lines.forEach(PoLine::close);
            em.flush(); // what is no longer on order must be gone before projected stock is worked out again
            for (PoLine line : lines) {
                replenishment.reevaluateWithoutOrdering(line.sku(), line.location());
            }
        });
        return queries.one(poId);
    }

    public PurchaseOrderView receive(PurchaseOrderId poId, GoodsReceipt receipt, String actor) {
        UUID id = poId.value();
        transactions.inTransaction(() -> {
            PurchaseOrder po = lock(id);
            po.requireReceivable();
            List<PoLine> lines = lines(id);
            for (int i = 0; i < receipt.lines.size(); i++) {
                GoodsReceipt.Line in = receipt.lines.get(i);
                String field = "lines[" + i + "]";
                PoLine line = lines.stream().filter(l -> l.sku().equals(in.sku)).findFirst()
                        .orElseThrow(() -> new InvalidField(field + ".sku", "not on purchase order " + id));
                line.receive(in.quantity);
                BigDecimal cost = in.unitCost != null ? in.unitCost : line.unitCost();
                if (cost == null) {
                    throw new InvalidField(field + ".unitCost", "the order line has no cost; give one");
                }
                inventory.receive(new ReceiveStock(in.sku, line.location(), in.quantity, cost, "PO-" + id), actor);
                // The goods are on hand now: move them from "on order" to "available" here, so projected stock does
                // not dip until the StockReceived event (which carries a newer version and replaces this) arrives.
                em.createNativeQuery("update erp.stock_projection set available = available + ?3 where sku = ?1 and location = ?2")
                        .setParameter(1, in.sku).setParameter(2, line.location()).setParameter(3, in.quantity).executeUpdate();
            }
            boolean complete = lines.stream().allMatch(l -> l.open() == 0);
            po.received(complete, databaseClock.now());
            if (complete) {
                lines.forEach(PoLine::close);
            }
        });
        return queries.one(poId);
    }

    // ---------------------------------------------------------------- also used by Replenishment

    PurchaseOrder newOrder(String vendor, boolean auto, PoStatus status, String actor) {
        PurchaseOrder po = new PurchaseOrder(vendor, auto, status, actor, databaseClock.now());
        em.persist(po);
        em.flush(); // before its lines: nothing maps the lines to the order, so nothing else orders the inserts
        return po;
    }

    /** The next line of the order (numbered after its last). */
    void addLine(PurchaseOrder po, String sku, String location, int quantity, BigDecimal unitCost) {
        Integer last = em.createQuery("select max(l.lineNo) from PoLine l where l.poId = :po", Integer.class)
                .setParameter("po", po.id()).getSingleResult();
        em.persist(new PoLine(po, last == null ? 0 : last + 1, sku, location, quantity, unitCost));
        em.flush(); // the next line's number, and the one-open-automatic-line index, see this one
    }

    /** The order, locked for its next move. */
    PurchaseOrder lock(UUID id) {
        PurchaseOrder po = em.find(PurchaseOrder.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (po == null) {
            throw new NotFound("no purchase order " + id);
        }
        return po;
    }

    PurchaseOrderIssued issued(PurchaseOrder po) {
        return new PurchaseOrderIssued(po.id(), po.vendor(), po.auto(), lines(po.id()).stream()
                .map(l -> new PurchaseOrderIssued.Line(l.sku(), l.location(), l.quantity(), l.unitCost())).toList());
    }

    private List<PoLine> lines(UUID id) {
        return em.createQuery("select l from PoLine l where l.poId = :po order by l.lineNo", PoLine.class)
                .setParameter("po", id).getResultList();
    }

}
