package io.quartermaster.erp.domain.ledger;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What each event does to the books. No cost is computed here: stock events carry the value
 * the inventory module decided under its row lock, and order events their rounded totals —
 * so the books come out the same whatever order the events arrive in.
 */
public final class PostingRules {

    public static final Set<String> ORDER_EVENTS = Set.of("OrderPlaced", "OrderCancelled", "OrderReturned");
    public static final Set<String> STOCK_EVENTS = Set.of("StockSold", "StockReturned", "StockReceived", "StockAdjusted",
            "StockCounted", "StockTransferred", "StockReserved", "StockReleased");

    private PostingRules() {
    }

    /** The entry for an event, or an empty list when it has no ledger effect. */
    public static List<Posting> postings(String type, JsonObject payload) {
        List<Posting> lines = new ArrayList<>();
        switch (type) {
            case "OrderPlaced" -> {
                add(lines, Posting.debit(Accounts.CLEARING, amount(payload, "total")));
                add(lines, Posting.credit(Accounts.REVENUE, amount(payload, "subtotal")));
                add(lines, Posting.credit(Accounts.SALES_TAX, amount(payload, "tax")));
            }
            case "OrderCancelled", "OrderReturned" -> {
                add(lines, Posting.debit(Accounts.REVENUE, amount(payload, "subtotal")));
                add(lines, Posting.debit(Accounts.SALES_TAX, amount(payload, "tax")));
                add(lines, Posting.credit(Accounts.CLEARING, amount(payload, "total")));
            }
            case "StockSold" -> {
                BigDecimal value = amount(payload, "value").abs();
                add(lines, Posting.debit(Accounts.COGS, value));
                add(lines, Posting.credit(Accounts.INVENTORY, value));
            }
            case "StockReturned" -> {
                BigDecimal value = amount(payload, "value").abs();
                add(lines, Posting.debit(Accounts.INVENTORY, value));
                add(lines, Posting.credit(Accounts.COGS, value));
            }
            case "StockReceived" -> {
                BigDecimal value = amount(payload, "value");
                add(lines, Posting.debit(Accounts.INVENTORY, value));
                add(lines, Posting.credit(Accounts.PAYABLES, value));
            }
            case "StockAdjusted", "StockCounted" -> {
                BigDecimal value = amount(payload, "value");
                if (value.signum() < 0) {
                    add(lines, Posting.debit(Accounts.SHRINKAGE, value.abs()));
                    add(lines, Posting.credit(Accounts.INVENTORY, value.abs()));
                } else {
                    add(lines, Posting.debit(Accounts.INVENTORY, value));
                    add(lines, Posting.credit(Accounts.SHRINKAGE, value));
                }
            }
            default -> {
                // Transfers between locations, reservations and releases move no value.
            }
        }
        return lines.size() >= 2 ? lines : List.of();
    }

    private static void add(List<Posting> lines, Posting posting) {
        if (posting.debit().signum() != 0 || posting.credit().signum() != 0) {
            lines.add(posting);
        }
    }

    private static BigDecimal amount(JsonObject payload, String field) {
        JsonNumber number = payload.getJsonNumber(field);
        if (number == null) {
            throw new IllegalArgumentException("event payload has no numeric '" + field + "'");
        }
        return number.bigDecimalValue().setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    public static String describe(String type, JsonObject payload) {
        return switch (type) {
            case "OrderPlaced" -> "Sale, order " + payload.getString("orderId", "?") + " (" + payload.getString("channel", "?") + ")";
            case "OrderCancelled" -> "Cancelled order " + payload.getString("orderId", "?");
            case "OrderReturned" -> "Return on order " + payload.getString("orderId", "?");
            case "StockSold" -> "Cost of " + qty(payload) + " × " + payload.getString("sku", "?") + " sold";
            case "StockReturned" -> "Cost of " + qty(payload) + " × " + payload.getString("sku", "?") + " returned";
            case "StockReceived" -> "Receipt of " + qty(payload) + " × " + payload.getString("sku", "?")
                    + " at " + payload.getString("location", "?");
            case "StockAdjusted" -> "Adjustment of " + payload.getString("sku", "?") + " by " + payload.getInt("quantity", 0);
            case "StockCounted" -> "Count correction of " + payload.getString("sku", "?") + " by " + payload.getInt("quantity", 0);
            default -> type;
        };
    }

    private static int qty(JsonObject payload) {
        return Math.abs(payload.getInt("quantity", 0));
    }
}
