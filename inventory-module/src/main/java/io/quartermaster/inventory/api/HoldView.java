package io.quartermaster.inventory.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record HoldView(UUID id, String status, String channel, String owner, String reference, Instant expiresAt,
                       Instant createdAt, List<Line> lines) {

    public record Line(String sku, String location, int quantity) {
    }
}
