package io.quartermaster.orders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record CheckoutView(UUID id, String status, String channel, Instant expiresAt, List<Line> lines,
                           BigDecimal subtotal, BigDecimal tax, BigDecimal total, String currency, String customerRef,
                           UUID orderId) {

    public record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }
}
