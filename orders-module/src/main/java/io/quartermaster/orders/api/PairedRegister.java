package io.quartermaster.orders.api;

import java.util.Optional;

/**
 * A register a pairing code was just spent on, and the owner key of the client whose key it
 * used until now (to be revoked once the new key is its own).
 */
public record PairedRegister(String code, String name, String location, int offlineHours, Optional<String> previousOwner) {
}
