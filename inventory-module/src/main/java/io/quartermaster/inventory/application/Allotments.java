package io.quartermaster.inventory.application;

import static io.quartermaster.inventory.application.StockRows.state;

import io.quartermaster.inventory.api.AllotmentView;
import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.HoldCommand;
import io.quartermaster.inventory.api.HoldOutcome;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.SellAllotted;
import io.quartermaster.inventory.api.SetAllotment;
import io.quartermaster.inventory.api.Shortage;
import io.quartermaster.inventory.api.event.StockReleased;
import io.quartermaster.inventory.api.event.StockReserved;
import io.quartermaster.inventory.api.event.StockSold;
import io.quartermaster.inventory.api.refusal.InsufficientStock;
import io.quartermaster.inventory.api.refusal.UnknownLocation;
import io.quartermaster.inventory.api.refusal.UnknownSku;
import io.quartermaster.inventory.domain.allotment.Allotment;
import io.quartermaster.inventory.domain.stock.MovementKind;
import io.quartermaster.inventory.domain.stock.StockChange;
import io.quartermaster.inventory.domain.stock.StockLevel;
import io.quartermaster.inventory.domain.stock.StockMovement;
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
 * reads their allotments once the rows are locked, aims each at its targets and sells from them.
 */
@ApplicationScoped
class Allotments {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @jakarta.inject.Inject
    Clock clock;

    @jakarta.inject.Inject
    Catalogue catalogue;

    /** Whether the command is about allotments (decided here, not by {@link Holds} itself). */
    static boolean concerns(HoldCommand command) {
        return command instanceof SetAllotment || command instanceof SellAllotted;
    }

    private static String holder(HoldCommand command) {
        return command instanceof SetAllotment set ? set.holder() : ((SellAllotted) command).holder();
    }

    private static String location(HoldCommand command) {
        return command instanceof SetAllotment set ? set.location() : ((SellAllotted) command).location();
    }

    /** The SKUs an allotment command names. */
    static List<String> skusOf(HoldCommand command) {
        if (command instanceof SetAllotment set) {
            return set.lines() == null ? List.of() : set.lines().stream().filter(l -> l != null && l.sku() != null)
                    .map(SetAllotment.Target::sku).toList();
        }
        SellAllotted sale = (SellAllotted) command;
        return sale.lines() == null ? List.of() : sale.lines().stream().filter(l -> l != null && l.sku() != null)
                .map(CartLine::sku).toList();
    }

    /** The stock rows an allotment command needs: its location × its known SKUs. */
    static void rowsOf(HoldCommand command, Map<String, Long> idsByCode, Set<String> knownSkus,
                       Set<Long> rowLocations, Set<String> rowSkus) {
        Long location = location(command) == null ? null : idsByCode.get(location(command));
        if (location == null) {
            return;
        }
        rowLocations.add(location);
        skusOf(command).stream().filter(knownSkus::contains).forEach(rowSkus::add);
    }

    /** The allotments these commands concern, read after their stock rows were locked (which is what guards them). */
    Map<Allotment.Key, Allotment> read(Collection<? extends HoldCommand> commands, Map<String, Long> idsByCode) {
        Set<String> holders = new TreeSet<>();
        Set<Long> locations = new TreeSet<>();
        for (HoldCommand c : commands) {
            Long location = location(c) == null ? null : idsByCode.get(location(c));
            if (holder(c) != null && location != null) {
                holders.add(holder(c));
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

    /** Decides an allotment command of the batch. */
    HoldOutcome decide(HoldBatch batch, HoldCommand command) {
        return command instanceof SetAllotment set ? HoldOutcome.allotted(aim(batch, set))
                : HoldOutcome.done(sell(batch, (SellAllotted) command));
    }

    /**
     * A holder's sale: every line from its allotment first, then from free stock; refused whole
     * (changing nothing) when free stock cannot cover what the allotments do not.
     */
    HoldView sell(HoldBatch batch, SellAllotted command) {
        if (command.holder() == null || command.holder().isBlank()) {
            throw new InvalidField("holder", "must not be blank");
        }
        Long locationId = command.location() == null ? null : batch.idsByCode.get(command.location());
        if (locationId == null) {
            throw new UnknownLocation("no location " + command.location());
        }
        List<CartLine> lines = CartLine.merge(command.lines());
        List<String> unknown = lines.stream().map(CartLine::sku).filter(sku -> !batch.knownSkus.contains(sku)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSku("no product " + String.join(", ", unknown), Map.of("skus", unknown));
        }
        Instant now = clock.instant();
        List<Shortage> shortages = new ArrayList<>();
        for (CartLine line : lines) {
            StockLevel level = batch.level(locationId, line.sku());
            Allotment allotment = batch.allotment(command.holder(), locationId, line.sku(), now);
            int covered = allotment.covers(line.quantity());
            if (line.quantity() - covered > level.available()) {
                shortages.add(new Shortage(line.sku(), line.quantity(), covered + Math.max(0, level.available())));
            }
        }
        if (!shortages.isEmpty()) {
            throw new InsufficientStock(shortages);
        }
        List<HoldView.Line> sold = new ArrayList<>();
        for (CartLine line : lines) {
            StockLevel level = batch.level(locationId, line.sku());
            StockChange change = batch.allotment(command.holder(), locationId, line.sku(), now).sell(line.quantity(), level, now);
            StockMovement movement = new StockMovement(level, MovementKind.SALE, change, null, command.reference(),
                    command.actor(), now);
            em.persist(movement); // its id (from the sequence) goes into the event
            batch.publishLater(new StockSold(line.sku(), command.location(), change.quantity(), change.unitCost(),
                    change.value(), command.reference(), movement.id(), command.actor(), state(level), command.soldAt()));
            sold.add(new HoldView.Line(line.sku(), command.location(), line.quantity()));
        }
        return new HoldView(null, "SOLD", null, command.holder(), command.reference(), null, now, sold);
    }

    /** Aims every line at its target; checks the whole command before it changes anything. */
    private List<AllotmentView> aim(HoldBatch batch, SetAllotment command) {
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

    /** Freezes a lost holder's allotments at a location ({@link io.quartermaster.inventory.api.InventoryFacade#freezeAllotments}). */
    void freeze(String holder, String location) {
        Long locationId = StockRows.byCode(catalogue.locationCodes()).get(location);
        if (locationId == null) {
            throw new UnknownLocation("no location " + location);
        }
        em.createQuery("update Allotment a set a.frozen = true, a.target = 0 where a.holder = :holder "
                        + "and a.locationId = :location")
                .setParameter("holder", holder).setParameter("location", locationId).executeUpdate();
    }

    /**
     * A count of {@code level} (its row locked by the count): the frozen allotments there give their
     * units back first; the events say so. The count then sets on hand to what is really there.
     */
    List<StockReleased> thawFrozen(StockLevel level, String location, String actor, Instant now) {
        List<StockReleased> released = new ArrayList<>();
        em.createQuery("select a from Allotment a where a.frozen = true and a.locationId = :location and a.sku = :sku",
                        Allotment.class)
                .setParameter("location", level.locationId()).setParameter("sku", level.sku())
                .setHint("eclipselink.refresh", "true")
                .getResultList()
                .forEach(a -> {
                    int back = a.thaw(level, now);
                    if (back > 0) {
                        released.add(new StockReleased(level.sku(), location, back, level.averageCost(),
                                BigDecimal.ZERO.setScale(2), "allotment:" + a.holder(), null, actor, state(level)));
                    }
                });
        return released;
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
