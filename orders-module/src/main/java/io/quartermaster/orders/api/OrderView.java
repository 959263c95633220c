package io.quartermaster.orders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record OrderView(UUID id, String status, String channel, List<Line> lines, BigDecimal subtotal, BigDecimal tax,
                        BigDecimal total, String currency, String customerRef, Instant placedAt, UUID checkoutId,
                        String register) {

    public record Line(String sku, String location, int quantity, int returnedQuantity, BigDecimal unitPrice,
                       BigDecimal taxRate, BigDecimal lineTotal, BigDecimal cataloguePrice) {
    }
}
