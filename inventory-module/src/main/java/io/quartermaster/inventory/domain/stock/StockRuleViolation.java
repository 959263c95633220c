package io.quartermaster.inventory.domain.stock;

/**
 * A change that would break a stock rule (negative stock, over-reservation). The
 * application checks before it changes, so this firing means a bug — and it stops the
 * change before the database's CHECK constraints would.
 */
public class StockRuleViolation extends RuntimeException {

    public StockRuleViolation(String message) {
        super(message);
    }
}
