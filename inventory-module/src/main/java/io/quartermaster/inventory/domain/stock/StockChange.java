package io.quartermaster.inventory.domain.stock;

import java.math.BigDecimal;

/** What one change did to a stock level: signed quantity, the unit cost it moved at, and its signed value. */
public record StockChange(int quantity, BigDecimal unitCost, BigDecimal value) {
}
