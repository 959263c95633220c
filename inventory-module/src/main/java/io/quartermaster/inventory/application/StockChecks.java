package io.quartermaster.inventory.application;

import io.quartermaster.inventory.api.StockCheck;
import io.quartermaster.platform.api.check.InvariantCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The inventory's own checks: every level agrees with its movements, and the invariants the checker reports. */
@ApplicationScoped
class StockChecks {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;



    /** The rules {@link #check} applies to every stock level, in the order the invariant checker reports them. */
    static final List<String> STOCK_RULES = List.of("on_hand = sum of movements", "0 <= reserved <= on_hand",
            "reserved = active holds + allotments", "stock value = sum of movement values", "no value without stock");

    StockCheck check() {
        List<StockCheck.Violation> violations = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.sku, l.code, s.on_hand, s.reserved, s.total_value,
                       coalesce((select sum(m.quantity) from inventory.stock_movement m
                                  where m.sku = s.sku and m.location_id = s.location_id), 0) as moved,
                       coalesce((select sum(m.value) from inventory.stock_movement m
                                  where m.sku = s.sku and m.location_id = s.location_id), 0) as moved_value,
                       coalesce((select sum(hl.quantity) from inventory.hold_line hl join inventory.hold h on h.id = hl.hold_id
                                  where h.status = 'ACTIVE' and hl.sku = s.sku and hl.location_id = s.location_id), 0)
                       + coalesce((select sum(a.granted - a.sold - a.returned) from inventory.allotment a
                                    where a.sku = s.sku and a.location_id = s.location_id), 0) as held
                  from inventory.stock_level s join inventory.location l on l.id = s.location_id
                 order by s.sku, l.code""").getResultList();
        for (Object[] row : rows) {
            String sku = (String) row[0];
            String location = (String) row[1];
            int onHand = ((Number) row[2]).intValue();
            int reserved = ((Number) row[3]).intValue();
            BigDecimal value = (BigDecimal) row[4];
            long moved = ((Number) row[5]).longValue();
            BigDecimal movedValue = (BigDecimal) row[6];
            long held = ((Number) row[7]).longValue();
            if (onHand != moved) {
                violations.add(new StockCheck.Violation("on_hand = sum of movements", sku, location,
                        "on hand " + onHand + ", movements sum to " + moved));
            }
            if (reserved < 0 || reserved > onHand) {
                violations.add(new StockCheck.Violation("0 <= reserved <= on_hand", sku, location,
                        "reserved " + reserved + ", on hand " + onHand));
            }
            if (reserved != held) {
                violations.add(new StockCheck.Violation("reserved = active holds + allotments", sku, location,
                        "reserved " + reserved + ", active holds and allotments " + held));
            }
            if (value.compareTo(movedValue) != 0) {
                violations.add(new StockCheck.Violation("stock value = sum of movement values", sku, location,
                        "value " + value + ", movements sum to " + movedValue));
            }
            if (onHand == 0 && value.signum() != 0) {
                violations.add(new StockCheck.Violation("no value without stock", sku, location, "value " + value));
            }
        }
        return new StockCheck(rows.size(), violations);
    }

    List<InvariantCheck> invariants() {
        StockCheck stock = check();
        List<InvariantCheck> checks = new ArrayList<>();
        for (String rule : STOCK_RULES) {
            List<InvariantCheck.Violation> broken = stock.violations().stream()
                    .filter(v -> v.rule().equals(rule))
                    .map(v -> new InvariantCheck.Violation(v.detail(), Map.of("sku", v.sku(), "location", v.location())))
                    .toList();
            checks.add(new InvariantCheck("inventory", rule, stock.levelsChecked(), broken));
        }
        return checks;
    }
}
