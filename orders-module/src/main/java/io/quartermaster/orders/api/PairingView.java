package io.quartermaster.orders.api;

import java.time.Instant;

/** A one-time pairing code for a register, as staff show it (the code is stored only hashed). */
public record PairingView(String register, String pairingCode, Instant expiresAt) {
}
