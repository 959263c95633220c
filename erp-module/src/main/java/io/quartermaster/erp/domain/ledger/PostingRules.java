package io.quartermaster.erp.domain.ledger;

import io.quartermaster.erp.domain.ledger.LedgerEvent.Sale;
import io.quartermaster.erp.domain.ledger.LedgerEvent.SaleReversal;
import io.quartermaster.erp.domain.ledger.LedgerEvent.StockValueChange;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What each event does to the books. No cost is computed here: stock events carry the value
 * the inventory module decided under its row lock, and order events their rounded totals —
 * so the books come out the same whatever order the events arrive in.
 */
public final class PostingRules {

    private PostingRules() {
    }

    /** The entry for an event, or an empty list when it has no ledger effect. */
    public static List<Posting> postings(String type, JsonObject payload) {
        return LedgerEvent.decode(type, payload).map(PostingRules::postings).orElse(List.of());
    }

    /** The entry's lines: at least two, debits equal to credits; none when every amount is zero. */
    public static List<Posting> postings(LedgerEvent event) {
        List<Posting> lines = new ArrayList<>();
        if (event instanceof Sale sale) {
            add(lines, Posting.debit(sale.owed() ? Accounts.RECEIVABLES : Accounts.CLEARING, sale.total()));
            add(lines, Posting.credit(Accounts.REVENUE, sale.subtotal()));
            add(lines, Posting.credit(Accounts.SALES_TAX, sale.tax()));
        } else if (event instanceof SaleReversal reversal) {
            add(lines, Posting.debit(Accounts.REVENUE, reversal.subtotal()));
            add(lines, Posting.debit(Accounts.SALES_TAX, reversal.tax()));
            add(lines, Posting.credit(Accounts.CLEARING, reversal.total()));
        } else if (event instanceof StockValueChange stock) {
            BigDecimal value = stock.value();
            switch (stock.kind()) {
                case SOLD -> {
                    add(lines, Posting.debit(Accounts.COGS, value.abs()));
                    add(lines, Posting.credit(Accounts.INVENTORY, value.abs()));
                }
                case RETURNED -> {
                    add(lines, Posting.debit(Accounts.INVENTORY, value.abs()));
                    add(lines, Posting.credit(Accounts.COGS, value.abs()));
                }
                case RECEIVED -> {
                    add(lines, Posting.debit(Accounts.INVENTORY, value));
                    add(lines, Posting.credit(Accounts.PAYABLES, value));
                }
                case ADJUSTED, COUNTED -> {
                    if (value.signum() < 0) {
                        add(lines, Posting.debit(Accounts.SHRINKAGE, value.abs()));
                        add(lines, Posting.credit(Accounts.INVENTORY, value.abs()));
                    } else {
                        add(lines, Posting.debit(Accounts.INVENTORY, value));
                        add(lines, Posting.credit(Accounts.SHRINKAGE, value));
                    }
                }
            }
        }
        return lines.size() >= 2 ? lines : List.of();
    }

    /** The journal entry's description, as an accountant reads it. */
    public static String describe(LedgerEvent event) {
        if (event instanceof Sale sale) {
            return "Sale, order " + sale.orderId() + " (" + sale.channel()
                    + (sale.register() == null ? "" : ", register " + sale.register()) + ")"
                    + (sale.owed() ? "; card declined, owed by the customer" : "");
        }
        if (event instanceof SaleReversal reversal) {
            return (reversal.cancelled() ? "Cancelled order " : "Return on order ") + reversal.orderId();
        }
        StockValueChange stock = (StockValueChange) event;
        int units = Math.abs(stock.quantity());
        return switch (stock.kind()) {
            case SOLD -> "Cost of " + units + " × " + stock.sku() + " sold";
            case RETURNED -> "Cost of " + units + " × " + stock.sku() + " returned";
            case RECEIVED -> "Receipt of " + units + " × " + stock.sku() + " at " + stock.location();
            case ADJUSTED -> "Adjustment of " + stock.sku() + " by " + stock.quantity();
            case COUNTED -> "Count correction of " + stock.sku() + " by " + stock.quantity();
        };
    }

    private static void add(List<Posting> lines, Posting posting) {
        if (posting.debit().signum() != 0 || posting.credit().signum() != 0) {
            lines.add(posting);
        }
    }
}
