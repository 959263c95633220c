package io.quartermaster.inventory.application;

import static io.quartermaster.inventory.application.StockRows.state;

import io.quartermaster.inventory.api.AllotmentView;
import io.quartermaster.inventory.api.SetAllotment;
import io.quartermaster.inventory.api.event.StockReleased;
import io.quartermaster.inventory.api.event.StockReserved;
import io.quartermaster.inventory.api.refusal.UnknownLocation;
import io.quartermaster.inventory.api.refusal.UnknownSku;
import io.quartermaster.inventory.domain.allotment.Allotment;
import io.quartermaster.inventory.domain.stock.StockLevel;
import io.quartermaster.platform.api.Money;
import io.quartermaster.platform.api.problem.InvalidField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Allotments (DESIGN.md §9): a register's units, reserved from its location by {@link Holds}'
 * group commit like any hold — the same row locks, the same global order — so web and mobile
 * can never sell them. This class adds a batch's allotment commands to the rows it locks,
 * reads their allotments once the rows are locked, and aims each at its targets.
 */
@ApplicationScoped
class Allotments {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @jakarta.inject.Inject
    Clock clock;

    /** The stock rows an allotment command needs: its location × its known SKUs. */
    static void rowsOf(SetAllotment command, Map<String, Long> idsByCode, Set<String> knownSkus,
                       Set<Long> rowLocations, Set<String> rowSkus) {
        Long location = command.location() == null ? null : idsByCode.get(command.location());
        if (location == null || command.lines() == null) {
            return;
        }
        rowLocations.add(location);
        command.lines().stream().filter(l -> l != null && knownSkus.contains(l.sku())).forEach(l -> rowSkus.add(l.sku()));
    }

    /** The allotments these commands aim, read after their stock rows were locked (which is what guards them). */
    Map<Allotment.Key, Allotment> read(Collection<SetAllotment> commands, Map<String, Long> idsByCode) {
        Set<String> holders = new TreeSet<>();
        Set<Long> locations = new TreeSet<>();
        for (SetAllotment c : commands) {
            Long location = idsByCode.get(c.location());
            if (c.holder() != null && location != null) {
                holders.add(c.holder());
                locations.add(location);
            }
        }
        Map<Allotment.Key, Allotment> found = new HashMap<>();
        if (!holders.isEmpty()) {
            em.createQuery("select a from Allotment a where a.holder in :holders and a.locationId in :locations",
                            Allotment.class)
                    .setParameter("holders", holders).setParameter("locations", locations)
                    .setHint("eclipselink.refresh", "true")
                    .getResultStream()
                    .forEach(a -> found.put(new Allotment.Key(a.holder(), a.locationId(), a.sku()), a));
        }
        return found;
    }

    /** Aims every line at its target; checks the whole command before it changes anything. */
    List<AllotmentView> aim(HoldBatch batch, SetAllotment command) {
        if (command.holder() == null || command.holder().isBlank()) {
            throw new InvalidField("holder", "must not be blank");
        }
        Long locationId = command.location() == null ? null : batch.idsByCode.get(command.location());
        if (locationId == null) {
            throw new UnknownLocation("no location " + command.location());
        }
        Map<String, Integer> targets = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            SetAllotment.Target line = command.lines().get(i);
            if (line.target() < 0 || line.target() > Money.MAX_QUANTITY) {
                throw new InvalidField("lines[" + i + "].target", "must be from 0 to " + Money.MAX_QUANTITY);
            }
            if (!batch.knownSkus.contains(line.sku())) {
                unknown.add(line.sku());
            }
            targets.put(line.sku(), line.target());
        }
        if (!unknown.isEmpty()) {
            throw new UnknownSku("no product " + String.join(", ", unknown), Map.of("skus", unknown));
        }
        Instant now = clock.instant();
        String location = command.location();
        String reference = "allotment:" + command.holder();
        List<AllotmentView> views = new ArrayList<>();
        targets.forEach((sku, target) -> {
            StockLevel level = batch.level(locationId, sku);
            Allotment allotment = batch.allotment(command.holder(), locationId, sku, now);
            Allotment.Change change = allotment.aimAt(target, level, now);
            BigDecimal noValue = BigDecimal.ZERO.setScale(2);
            if (change.delta() > 0) {
                batch.publishLater(new StockReserved(sku, location, change.delta(), level.averageCost(), noValue, reference,
                        null, command.actor(), state(level)));
            } else if (change.delta() < 0) {
                batch.publishLater(new StockReleased(sku, location, -change.delta(), level.averageCost(), noValue, reference,
                        null, command.actor(), state(level)));
            }
            views.add(view(allotment, location, change.shortBy()));
        });
        return views;
    }

    /** Every allotment of a holder, by location code and SKU. */
    List<AllotmentView> of(String holder, Map<Long, String> codes) {
        return em.createQuery("select a from Allotment a where a.holder = :holder order by a.sku, a.locationId", Allotment.class)
                .setParameter("holder", holder).getResultStream()
                .map(a -> view(a, codes.get(a.locationId()), 0)).toList();
    }

    static AllotmentView view(Allotment a, String location, int shortBy) {
        return new AllotmentView(a.holder(), location, a.sku(), a.target(), a.granted(), a.sold(), a.returned(),
                a.remaining(), shortBy);
    }
}
