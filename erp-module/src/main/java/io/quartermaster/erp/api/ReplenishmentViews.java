package io.quartermaster.erp.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What purchasing sees. */
public final class ReplenishmentViews {

    private ReplenishmentViews() {
    }

    public record VendorView(String code, String name, String email, int leadTimeDays) {
    }

    public record SettingView(String sku, String location, int reorderPoint, int maxLevel, String vendor, int packSize,
                              int minOrderQuantity, BigDecimal unitCost, boolean issueAutomatically, Integer available,
                              int onOrder, Integer projected, int suggestedReorderPoint) {
    }

    public record AlertView(UUID id, String sku, String location, int projected, int reorderPoint, String status,
                            Instant openedAt, Instant closedAt) {
    }

    public record PurchaseOrderView(UUID id, String vendor, String status, boolean auto, Instant createdAt,
                                    Instant issuedAt, List<Line> lines) {

        public record Line(String sku, String location, int quantity, int received, BigDecimal unitCost) {
        }
    }
}
