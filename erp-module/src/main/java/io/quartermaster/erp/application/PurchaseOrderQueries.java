package io.quartermaster.erp.application;

import io.quartermaster.erp.api.PurchaseOrderId;
import io.quartermaster.erp.api.ReplenishmentViews.AlertView;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.erp.domain.purchasing.PoLine;
import io.quartermaster.erp.domain.purchasing.PoStatus;
import io.quartermaster.erp.domain.purchasing.PurchaseOrder;
import io.quartermaster.erp.domain.replenishment.AlertStatus;
import io.quartermaster.erp.domain.replenishment.LowStockAlert;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Purchase orders and low-stock alerts as the facade answers them: read, newest first, filtered by status. */
@ApplicationScoped
class PurchaseOrderQueries {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    Transactions transactions;

    List<AlertView> alerts(String status) {
        return transactions.inTransaction(() -> {
            List<AlertStatus> statuses = Arrays.stream(statuses(status, AlertStatus.NAMES)).map(AlertStatus::valueOf).toList();
            return em.createQuery("select a from LowStockAlert a where a.status in :statuses order by a.openedAt desc",
                            LowStockAlert.class)
                    .setParameter("statuses", statuses).setMaxResults(1000).getResultStream()
                    .map(a -> new AlertView(a.id(), a.sku(), a.location(), a.projected(), a.reorderPoint(), a.status().name(),
                            a.openedAt(), a.closedAt())).toList();
        });
    }

    List<PurchaseOrderView> all(String status) {
        return transactions.inTransaction(() -> {
            List<PoStatus> statuses = Arrays.stream(statuses(status, PoStatus.NAMES.toArray(String[]::new)))
                    .map(PoStatus::valueOf).toList();
            List<PurchaseOrder> orders = em.createQuery("select p from PurchaseOrder p where p.status in :statuses "
                            + "order by p.createdAt desc", PurchaseOrder.class)
                    .setParameter("statuses", statuses).setMaxResults(1000).getResultList();
            if (orders.isEmpty()) {
                return List.<PurchaseOrderView>of();
            }
            Map<UUID, List<PoLine>> lines = new HashMap<>();
            em.createQuery("select l from PoLine l where l.poId in :ids order by l.lineNo", PoLine.class)
                    .setParameter("ids", orders.stream().map(PurchaseOrder::id).toList()).getResultList()
                    .forEach(l -> lines.computeIfAbsent(l.poId(), k -> new ArrayList<>()).add(l));
            return orders.stream().map(po -> view(po, lines.getOrDefault(po.id(), List.of()))).toList();
        });
    }

    PurchaseOrderView one(PurchaseOrderId poId) {
        UUID id = poId.value();
        return transactions.inTransaction(() -> {
            PurchaseOrder po = em.find(PurchaseOrder.class, id);
            if (po == null) {
                throw new NotFound("no purchase order " + id);
            }
            return view(po, em.createQuery("select l from PoLine l where l.poId = :po order by l.lineNo", PoLine.class)
                    .setParameter("po", id).getResultList());
        });
    }

    private static PurchaseOrderView view(PurchaseOrder po, List<PoLine> lines) {
        return new PurchaseOrderView(po.id(), po.vendor(), po.status().name(), po.auto(), po.createdAt(), po.issuedAt(),
                lines.stream().map(l -> new PurchaseOrderView.Line(l.sku(), l.location(), l.quantity(), l.received(),
                        l.unitCost())).toList());
    }

    /** The one status asked for (which must be one of {@code known}), or all of them. */
    static String[] statuses(String status, String... known) {
        if (status == null || status.isBlank()) {
            return known;
        }
        if (!List.of(known).contains(status)) {
            throw new InvalidField("status", "one of " + String.join(", ", known));
        }
        return new String[] {status};
    }
}
