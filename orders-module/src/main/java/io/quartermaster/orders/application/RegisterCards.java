package io.quartermaster.orders.application;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.orders.api.RegisterSales;
import io.quartermaster.orders.domain.order.PricedLine;
import io.quartermaster.orders.domain.order.Totals;
import io.quartermaster.orders.domain.payment.PaymentGateway;
import io.quartermaster.orders.domain.register.Register;
import io.quartermaster.platform.api.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Cards a register took offline, captured when their sales reach the server (DESIGN.md §9), before
 * the stock batch and outside any transaction, as the {@link PaymentGateway} port requires. A
 * capture is idempotent per its reference — the register's code and its id for the sale — so a
 * resend, or a settlement that died before its batch committed, never charges twice. A decline
 * keeps the sale (the goods are gone): it is booked as owed by the customer and shown to staff.
 */
@ApplicationScoped
class RegisterCards {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    PaymentGateway gateway;

    @Inject
    InventoryFacade inventory;

    /** What each card sale not recorded before came to, by sale id. */
    Map<UUID, RegisterSettlement.Payment> capture(Register register, List<RegisterSales.Sale> sales) {
        List<RegisterSales.Sale> cards = sales.stream().filter(s -> "CARD".equals(s.tender.type)).toList();
        if (cards.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> known = em.createNativeQuery("select id from orders.register_sale where register_code = ?1 and id = any(?2)")
                .setParameter(1, register.code()).setParameter(2, cards.stream().map(s -> s.id).toArray(UUID[]::new))
                .getResultList();
        Set<String> recorded = new HashSet<>();
        known.forEach(id -> recorded.add(id.toString()));
        Set<String> skus = new TreeSet<>();
        cards.forEach(s -> s.lines.forEach(l -> skus.add(l.sku)));
        Map<Sku, ProductView> products = inventory.products(skus.stream().map(Sku::new).toList());
        Map<UUID, RegisterSettlement.Payment> payments = new HashMap<>();
        for (RegisterSales.Sale sale : cards) {
            if (recorded.contains(sale.id.toString()) || payments.containsKey(sale.id)
                    || sale.lines.stream().anyMatch(l -> products.get(new Sku(l.sku)) == null)) {
                continue; // answered as before; or refused by the batch (an unknown product), so nothing to charge
            }
            Money total = Totals.of(sale.lines.stream().map(l -> new PricedLine(l.sku, l.quantity, l.unitPrice,
                    products.get(new Sku(l.sku)).taxRate())).toList()).total();
            PaymentGateway.CaptureResult result = gateway.capture("register:" + register.code() + ":" + sale.id,
                    sale.tender.token, total);
            payments.put(sale.id, result instanceof PaymentGateway.Captured captured
                    ? new RegisterSettlement.Payment("CAPTURED", captured.captureRef())
                    : new RegisterSettlement.Payment("DECLINED", null));
        }
        return payments;
    }
}
