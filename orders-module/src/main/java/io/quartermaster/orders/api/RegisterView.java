package io.quartermaster.orders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A register as it and staff see it (API.md "Registers"). {@code lastSeq} and
 * {@code missingSeqs} are about the sales it has sent; {@code allotments}, what it holds to
 * sell per SKU, with the target staff (or the register) set and the suggested one.
 */
public record RegisterView(String code, String name, String location, int offlineHours, String status,
                           Instant lastContactAt, long lastSeq, List<Long> missingSeqs, List<Allotment> allotments) {

    /**
     * One SKU a register holds: {@code granted} in all, {@code sold}, {@code remaining} to sell;
     * {@code suggestedTarget} — the location's recent daily sales per open register × the offline
     * window, at most {@link #MAX_SUGGESTED}; {@code shortBy} (only right after a top-up that fell
     * short) — what the target asked for that was not available.
     */
    public record Allotment(String sku, String name, BigDecimal price, BigDecimal taxRate, int target, int granted,
                            int sold, int returned, int remaining, int suggestedTarget, Integer shortBy) {
    }

    /** The largest suggested target: a register is a counter, not a warehouse. */
    public static final int MAX_SUGGESTED = 1000;
}
