package io.quartermaster.erp.domain.ledger;

import java.util.Set;

/**
 * The names of the event types the ERP consumes, written once. They are the publishers' record
 * names (inventory's {@code StockSold}, orders' {@code OrderPlaced}, …); the ERP does not depend on
 * the orders module, so {@code EventContractTest} in web holds the two sides equal.
 */
public final class ConsumedEvents {

    public static final String ORDER_PLACED = "OrderPlaced";
    public static final String ORDER_CANCELLED = "OrderCancelled";
    public static final String ORDER_RETURNED = "OrderReturned";

    public static final String STOCK_SOLD = "StockSold";
    public static final String STOCK_RETURNED = "StockReturned";
    public static final String STOCK_RECEIVED = "StockReceived";
    public static final String STOCK_ADJUSTED = "StockAdjusted";
    public static final String STOCK_COUNTED = "StockCounted";
    public static final String STOCK_TRANSFERRED = "StockTransferred";
    public static final String STOCK_RESERVED = "StockReserved";
    public static final String STOCK_RELEASED = "StockReleased";

    /** Sales and their reversals: posted to revenue, tax and clearing. */
    public static final Set<String> ORDER_EVENTS = Set.of(ORDER_PLACED, ORDER_CANCELLED, ORDER_RETURNED);

    /** Stock events that move value (posted to inventory, COGS, payables or shrinkage). */
    public static final Set<String> VALUED_STOCK_EVENTS = Set.of(STOCK_SOLD, STOCK_RETURNED, STOCK_RECEIVED, STOCK_ADJUSTED,
            STOCK_COUNTED);

    /** Every stock event: the replenishment projection follows them all (transfers and holds move no value). */
    public static final Set<String> STOCK_EVENTS = Set.of(STOCK_SOLD, STOCK_RETURNED, STOCK_RECEIVED, STOCK_ADJUSTED,
            STOCK_COUNTED, STOCK_TRANSFERRED, STOCK_RESERVED, STOCK_RELEASED);

    private ConsumedEvents() {
    }
}
