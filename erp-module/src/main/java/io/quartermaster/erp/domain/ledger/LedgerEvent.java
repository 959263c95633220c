package io.quartermaster.erp.domain.ledger;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * An event as the books read it: decoded once from its payload into the fields the ledger uses, so
 * the posting rules work on types, not on JSON. The ERP owns these records (it does not depend on the
 * orders module); {@code EventContractTest} in web writes each publisher's record and decodes it here.
 * Amounts are rounded to cents as posted.
 */
public sealed interface LedgerEvent permits LedgerEvent.Sale, LedgerEvent.SaleReversal, LedgerEvent.StockValueChange {

    /**
     * A sale: the order's rounded totals; {@code register} when a register sold it (DESIGN.md §9),
     * {@code owed} when its card was declined on arrival and the customer owes the total.
     */
    record Sale(String orderId, String channel, BigDecimal subtotal, BigDecimal tax, BigDecimal total, String register,
                boolean owed) implements LedgerEvent {
    }

    /** Money given back on an order: all of it (cancelled) or some units (returned). */
    record SaleReversal(boolean cancelled, String orderId, BigDecimal subtotal, BigDecimal tax, BigDecimal total)
            implements LedgerEvent {
    }

    /** Stock that moved value, at the cost the inventory decided under its row lock (signed: + in, − out). */
    record StockValueChange(Kind kind, String sku, String location, int quantity, BigDecimal value) implements LedgerEvent {

        public enum Kind { SOLD, RETURNED, RECEIVED, ADJUSTED, COUNTED }
    }

    /**
     * The event of that type with that payload, or empty for a type with no ledger effect (transfers,
     * reservations, releases, types the books do not know). A payload without an amount the type needs
     * is refused ({@link IllegalArgumentException}), as before: such an event is malformed.
     */
    static Optional<LedgerEvent> decode(String type, JsonObject payload) {
        return Optional.ofNullable(switch (type) {
            case ConsumedEvents.ORDER_PLACED -> new Sale(text(payload, "orderId"), text(payload, "channel"),
                    amount(payload, "subtotal"), amount(payload, "tax"), amount(payload, "total"),
                    payload.getString("register", null), payload.getBoolean("owed", false));
            case ConsumedEvents.ORDER_CANCELLED, ConsumedEvents.ORDER_RETURNED -> new SaleReversal(
                    type.equals(ConsumedEvents.ORDER_CANCELLED), text(payload, "orderId"), amount(payload, "subtotal"),
                    amount(payload, "tax"), amount(payload, "total"));
            case ConsumedEvents.STOCK_SOLD -> stock(StockValueChange.Kind.SOLD, payload);
            case ConsumedEvents.STOCK_RETURNED -> stock(StockValueChange.Kind.RETURNED, payload);
            case ConsumedEvents.STOCK_RECEIVED -> stock(StockValueChange.Kind.RECEIVED, payload);
            case ConsumedEvents.STOCK_ADJUSTED -> stock(StockValueChange.Kind.ADJUSTED, payload);
            case ConsumedEvents.STOCK_COUNTED -> stock(StockValueChange.Kind.COUNTED, payload);
            default -> null;
        });
    }

    /**
     * When what the event records happened, if the event says so apart from when it was written: a
     * register's sale, made offline perhaps, is booked on the day it was made (its order's {@code at},
     * its stock's {@code soldAt}). Empty for every other event: it is booked when it occurred.
     */
    static Optional<Instant> happenedAt(String type, JsonObject payload) {
        String at = switch (type) {
            case ConsumedEvents.ORDER_PLACED -> payload.get("register") instanceof JsonString ? payload.getString("at", null) : null;
            case ConsumedEvents.STOCK_SOLD -> payload.get("soldAt") instanceof JsonString ? payload.getString("soldAt") : null;
            default -> null;
        };
        try {
            return Optional.ofNullable(at).map(Instant::parse);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("event payload has no valid time '" + at + "'", e);
        }
    }

    private static StockValueChange stock(StockValueChange.Kind kind, JsonObject payload) {
        return new StockValueChange(kind, text(payload, "sku"), text(payload, "location"), payload.getInt("quantity", 0),
                amount(payload, "value"));
    }

    private static String text(JsonObject payload, String field) {
        return payload.getString(field, "?");
    }

    private static BigDecimal amount(JsonObject payload, String field) {
        JsonNumber number = payload.getJsonNumber(field);
        if (number == null) {
            throw new IllegalArgumentException("event payload has no numeric '" + field + "'");
        }
        return number.bigDecimalValue().setScale(2, RoundingMode.HALF_EVEN);
    }
}
