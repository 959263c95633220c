package io.quartermaster.orders.domain.order;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A placed order. Cancel and returns give money back: a partial return refunds its own lines
 * (tax rounded once for that return); the return that brings everything back refunds exactly
 * what is left, so the refunds of an order add up to its total to the cent.
 */
@Entity
@Table(name = "customer_order", schema = "orders")
public class CustomerOrder {

    @Id
    private UUID id;

    /** The checkout it came from; null for a register's sale, decided at the counter. */
    @Column(name = "checkout_id", updatable = false)
    private UUID checkoutId;

    /** The register that sold it (DESIGN.md §9); null for orders from a checkout. */
    @Column(updatable = false)
    private String register;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(nullable = false, updatable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "customer_ref", updatable = false)
    private String customerRef;

    @Column(nullable = false, updatable = false)
    private BigDecimal subtotal;

    @Column(nullable = false, updatable = false)
    private BigDecimal tax;

    @Column(nullable = false, updatable = false)
    private BigDecimal total;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "payment_ref", nullable = false, updatable = false)
    private String paymentRef;

    @Column(name = "refunded_subtotal", nullable = false)
    private BigDecimal refundedSubtotal = BigDecimal.ZERO;

    @Column(name = "refunded_tax", nullable = false)
    private BigDecimal refundedTax = BigDecimal.ZERO;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", schema = "orders", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderItem> items = new ArrayList<>();

    protected CustomerOrder() {
    }

    public CustomerOrder(UUID id, Checkout checkout, List<OrderItem> items, String paymentRef, Instant at) {
        this.id = id;
        this.checkoutId = checkout.id();
        this.channel = checkout.channel();
        this.owner = checkout.owner();
        this.customerRef = checkout.customerRef();
        this.subtotal = checkout.subtotal();
        this.tax = checkout.tax();
        this.total = checkout.total();
        this.currency = checkout.currency();
        this.paymentRef = paymentRef;
        this.items = new ArrayList<>(items);
        this.status = OrderStatus.PLACED;
        this.placedAt = at;
        this.updatedAt = at;
    }

    /**
     * A register's sale, as the register charged it ({@code totals} of its lines), placed when the
     * server recorded it; {@code owner} is the register's API client.
     */
    public static CustomerOrder atRegister(UUID id, String register, String owner, List<OrderItem> items, Totals totals,
                                           String paymentRef, Instant at) {
        CustomerOrder order = new CustomerOrder();
        order.id = id;
        order.register = register;
        order.channel = "POS";
        order.owner = owner;
        order.subtotal = totals.subtotal().amount();
        order.tax = totals.tax().amount();
        order.total = totals.total().amount();
        order.currency = totals.total().currency().getCurrencyCode();
        order.paymentRef = paymentRef;
        order.items = new ArrayList<>(items);
        order.status = OrderStatus.PLACED;
        order.placedAt = at;
        order.updatedAt = at;
        return order;
    }

    /** Everything not yet returned comes back; only a PLACED order can be cancelled. */
    public Refund cancel(Instant at) {
        if (status != OrderStatus.PLACED) {
            throw new OrderRefusal("order " + id + " is " + status + "; only a PLACED order can be cancelled");
        }
        Map<String, Integer> all = new LinkedHashMap<>();
        items.forEach(i -> all.merge(i.sku(), i.returnable(), Integer::sum));
        Refund refund = takeBack(all, at);
        status = OrderStatus.CANCELLED;
        return refund;
    }

    public Refund returnItems(Map<String, Integer> quantities, Instant at) {
        if (status == OrderStatus.CANCELLED || status == OrderStatus.RETURNED) {
            throw new OrderRefusal("order " + id + " is " + status + "; nothing is left to return");
        }
        for (Map.Entry<String, Integer> e : quantities.entrySet()) {
            int returnable = items.stream().filter(i -> i.sku().equals(e.getKey())).mapToInt(OrderItem::returnable).sum();
            if (e.getValue() > returnable) {
                throw new OrderRefusal("only " + returnable + " of " + e.getKey() + " can be returned from order " + id);
            }
        }
        Refund refund = takeBack(quantities, at);
        status = items.stream().allMatch(i -> i.returnable() == 0) ? OrderStatus.RETURNED : OrderStatus.PARTIALLY_RETURNED;
        return refund;
    }

    private Refund takeBack(Map<String, Integer> quantities, Instant at) {
        List<ReturnedItem> returned = new ArrayList<>();
        for (Map.Entry<String, Integer> e : quantities.entrySet()) {
            int remaining = e.getValue();
            for (OrderItem item : items) {
                if (remaining == 0) {
                    break;
                }
                if (item.sku().equals(e.getKey()) && item.returnable() > 0) {
                    int take = Math.min(remaining, item.returnable());
                    item.returned(take);
                    returned.add(new ReturnedItem(item.sku(), item.location(), take, item.unitPrice(), item.taxRate()));
                    remaining -= take;
                }
            }
        }
        Totals totals = items.stream().allMatch(i -> i.returnable() == 0)
                ? Totals.of(subtotal.subtract(refundedSubtotal), tax.subtract(refundedTax))
                : Totals.of(returned.stream().map(ReturnedItem::priced).toList());
        refundedSubtotal = refundedSubtotal.add(totals.subtotal().amount());
        refundedTax = refundedTax.add(totals.tax().amount());
        updatedAt = at;
        return new Refund(returned, totals);
    }

    public record Refund(List<ReturnedItem> items, Totals totals) {
    }

    public UUID id() {
        return id;
    }

    public UUID checkoutId() {
        return checkoutId;
    }

    public String register() {
        return register;
    }

    public String channel() {
        return channel;
    }

    public String owner() {
        return owner;
    }

    public OrderStatus status() {
        return status;
    }

    public String customerRef() {
        return customerRef;
    }

    public BigDecimal subtotal() {
        return subtotal;
    }

    public BigDecimal tax() {
        return tax;
    }

    public BigDecimal total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public String paymentRef() {
        return paymentRef;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public List<OrderItem> items() {
        return List.copyOf(items);
    }
}
