package io.quartermaster.inventory.api.event;

import java.math.BigDecimal;

/**
 * A stock level right after a change, with the version that change gave it: a consumer
 * keeping its own copy applies an event only if its version is newer than the one it has.
 */
public record StockLevelState(int onHand, int reserved, int available, BigDecimal averageCost, BigDecimal stockValue,
                              long version) {
}
