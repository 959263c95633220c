package io.quartermaster.erp.application;

import io.quartermaster.erp.api.ReplenishmentViews.AlertView;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.erp.domain.purchasing.PoStatus;
import io.quartermaster.erp.domain.replenishment.AlertStatus;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, sku, location, projected, reorder_point, status, opened_at, closed_at "
                            + "from erp.low_stock_alert where status = any(?1) order by opened_at desc limit 1000")
                    .setParameter(1, statuses(status, AlertStatus.NAMES)).getResultList();
            return rows.stream().map(r -> new AlertView(UUID.fromString(r[0].toString()), (String) r[1], (String) r[2],
                    ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), (String) r[5], instant(r[6]), instant(r[7]))).toList();
        });
    }

    List<PurchaseOrderView> all(String status) {
        return transactions.inTransaction(() -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery("select id from erp.purchase_order where status = any(?1) "
                            + "order by created_at desc limit 1000")
                    .setParameter(1, statuses(status, PoStatus.NAMES.toArray(String[]::new))).getResultList();
            return ids.stream().map(id -> one(UUID.fromString(id.toString()))).toList();
        });
    }

    PurchaseOrderView one(UUID id) {
        return transactions.inTransaction(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select vendor, status, auto, created_at, issued_at from erp.purchase_order where id = ?1")
                    .setParameter(1, id).getResultList();
            if (rows.isEmpty()) {
                throw ProblemException.notFound("no purchase order " + id);
            }
            Object[] r = rows.get(0);
            @SuppressWarnings("unchecked")
            List<Object[]> lines = em.createNativeQuery("select sku, location, quantity, received, unit_cost from erp.po_line "
                            + "where po_id = ?1 order by line_no")
                    .setParameter(1, id).getResultList();
            return new PurchaseOrderView(id, (String) r[0], (String) r[1], (Boolean) r[2], instant(r[3]), instant(r[4]),
                    lines.stream().map(l -> new PurchaseOrderView.Line((String) l[0], (String) l[1], ((Number) l[2]).intValue(),
                            ((Number) l[3]).intValue(), (BigDecimal) l[4])).toList());
        });
    }

    /** The one status asked for (which must be one of {@code known}), or all of them. */
    static String[] statuses(String status, String... known) {
        if (status == null || status.isBlank()) {
            return known;
        }
        if (!List.of(known).contains(status)) {
            throw ProblemException.invalidField("status", "one of " + String.join(", ", known));
        }
        return new String[] {status};
    }

    static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
