package io.quartermaster.inventory.application;

import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.event.StockLevelState;
import io.quartermaster.inventory.domain.hold.Hold;
import io.quartermaster.inventory.domain.stock.StockLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small pieces the stock use cases share: rows indexed by (location, SKU), location ids by code, event state, views. */
final class StockRows {

    private StockRows() {
    }

    static Map<String, StockLevel> index(List<StockLevel> levels) {
        Map<String, StockLevel> map = new HashMap<>();
        levels.forEach(l -> map.put(key(l.locationId(), l.sku()), l));
        return map;
    }

    static String key(long locationId, String sku) {
        return locationId + "|" + sku;
    }

    /** Location ids by code, from codes by id. */
    static Map<String, Long> byCode(Map<Long, String> codes) {
        Map<String, Long> ids = new HashMap<>();
        codes.forEach((id, code) -> ids.put(code, id));
        return ids;
    }

    static StockLevelState state(StockLevel level) {
        return new StockLevelState(level.onHand(), level.reserved(), level.available(), level.averageCost(),
                level.totalValue(), level.version());
    }

    static HoldView view(Hold hold, Map<Long, String> codes) {
        return new HoldView(hold.id(), hold.status().name(), hold.channel(), hold.owner(), hold.reference(),
                hold.expiresAt(), hold.createdAt(),
                hold.lines().stream().map(l -> new HoldView.Line(l.sku(), codes.get(l.locationId()), l.quantity())).toList());
    }
}
