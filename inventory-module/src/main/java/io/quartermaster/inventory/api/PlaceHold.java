package io.quartermaster.inventory.api;

import java.time.Instant;
import java.util.List;

/**
 * Hold a whole cart — every line or none — from the given locations (in order of
 * preference; a line may be split over several). {@code expiresAt} null: no expiry (POS).
 */
public record PlaceHold(HoldId holdId, String channel, String owner, String reference, List<String> locations,
                        List<CartLine> lines, Instant expiresAt, String actor) implements HoldCommand {
}
