package io.quartermaster.inventory.api;

import java.math.BigDecimal;
import java.util.List;

/** Stock of one SKU, per location and in total. */
public record StockView(String sku, List<Level> levels, int onHand, int reserved, int available) {

    /** One line of the inventory valuation. */
    public record Valuation(String sku, String name, String location, int onHand, BigDecimal averageCost,
                            BigDecimal value) {
    }

    public record Level(String location, int onHand, int reserved, int available, BigDecimal averageCost,
                        BigDecimal stockValue, long version) {
    }
}
