package io.quartermaster.inventory.api;

import java.math.BigDecimal;

public record ProductView(String sku, String name, BigDecimal price, BigDecimal taxRate, boolean active) {
}
