package io.quartermaster.inventory.api;

/**
 * A command on holds that locks stock rows: place one, confirm one into a sale, release one; or
 * aim a register's allotments at their targets, or sell from them.
 * Several of them can be applied together as one group commit
 * ({@link InventoryFacade#applyHolds(java.util.List)}).
 */
public sealed interface HoldCommand permits PlaceHold, ConfirmHold, ReleaseHold, SetAllotment, SellAllotted {
}
