package io.quartermaster.inventory.domain.stock;

import java.util.Collection;
import java.util.List;

/**
 * The stock rows, locked the one way the locking protocol allows (DESIGN.md §2): every row a command
 * needs at once, in the fixed global order (location, SKU), so carts naming the same SKUs in opposite
 * orders queue behind each other instead of deadlocking. {@code JpaStockLevelRepository} is the adapter.
 */
public interface StockLevels {

    /** Caps how long a command waits for a hot row (e.g. "2s"); past it the database refuses (55P03). */
    void boundLockWait(String timeout);

    /**
     * Locks the rows of every (location, SKU) pair in the cross product, creating missing rows first
     * (empty, so creating one changes no stock), and returns them in lock order.
     */
    List<StockLevel> lockForUpdate(Collection<Long> locationIds, Collection<String> skus);

    /** The SKU's rows, unlocked, by location. */
    List<StockLevel> ofSku(String sku);
}
