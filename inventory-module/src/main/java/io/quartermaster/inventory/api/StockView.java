package io.quartermaster.inventory.api;

import java.math.BigDecimal;
import java.util.List;

/** Stock of one SKU, per location and in total. */
public record StockView(String sku, List<Level> levels, int onHand, int reserved, int available) {

    /** The same stock without what it cost (average cost, stock value): for storefronts, whose business that is not. */
    public StockView withoutCosts() {
        return new StockView(sku, levels.stream().map(l -> new Level(l.location(), l.onHand(), l.reserved(), l.available(),
                null, null, l.version(), l.allotted())).toList(), onHand, reserved, available);
    }

    /** One line of the inventory valuation. */
    public record Valuation(String sku, String name, String location, int onHand, BigDecimal averageCost,
                            BigDecimal value) {
    }

    /** {@code allotted}: how much of {@code reserved} is set aside for registers (their allotments). */
    public record Level(String location, int onHand, int reserved, int available, BigDecimal averageCost,
                        BigDecimal stockValue, long version, int allotted) {
    }
}
