package io.quartermaster.inventory.domain.hold;

public enum HoldStatus {
    ACTIVE, CONFIRMED, RELEASED, EXPIRED
}
