package io.quartermaster.orders.application;

import io.quartermaster.inventory.api.AllotmentView;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.SetAllotment;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.inventory.api.refusal.UnknownLocation;
import io.quartermaster.orders.api.AllotmentTargets;
import io.quartermaster.orders.api.NewRegister;
import io.quartermaster.orders.api.PairedRegister;
import io.quartermaster.orders.api.PairingView;
import io.quartermaster.orders.api.RegisterFacade;
import io.quartermaster.orders.api.RegisterSales;
import io.quartermaster.orders.api.RegisterView;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.orders.api.refusal.RegisterClosed;
import io.quartermaster.orders.api.refusal.RegisterExists;
import io.quartermaster.orders.api.refusal.SalesMissing;
import io.quartermaster.orders.domain.register.PairingCode;
import io.quartermaster.orders.domain.register.Register;
import io.quartermaster.orders.domain.register.RegisterStatus;
import io.quartermaster.platform.api.problem.FieldError;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers and their allotments (DESIGN.md §9), behind {@link RegisterFacade}. An allotment
 * change is a stock request like a cart's: it waits for the next stock batch
 * ({@link StockBatcher}), where the inventory aims it under the same row locks, in the same
 * global order and with the same commit as every hold — so a register's units are never also
 * promised to a buyer on the web.
 */
@ApplicationScoped
public class Registers implements RegisterFacade {

    /** At most this many missing sale numbers are listed. */
    static final int MAX_MISSING = 1000;


    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    StockBatcher batcher;

    @Inject
    Transactions transactions;

    @Inject
    RegisterCards cards;

    @Inject
    SuggestedTargets suggestions;

    @Inject
    Clock clock;

    @Override
    public RegisterView create(NewRegister request, String actor) {
        if (inventory.locations().stream().noneMatch(l -> l.code().equals(request.location))) {
            throw new UnknownLocation("no location " + request.location, Map.of("errors",
                    List.of(new FieldError("location", "no such location"))));
        }
        int offlineHours = request.offlineHours == null ? Register.DEFAULT_OFFLINE_HOURS : request.offlineHours;
        Register register = new Register(request.code, request.name, request.location, offlineHours, actor, clock.instant());
        boolean created = transactions.inTransaction(() -> {
            // An insert that loses to a concurrent one with the same code rather than a key violation later.
            int inserted = em.createNativeQuery("insert into orders.register (code, name, location, offline_hours, status, "
                            + "created_at, created_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                    .setParameter(1, register.code()).setParameter(2, register.name()).setParameter(3, register.location())
                    .setParameter(4, offlineHours).setParameter(5, RegisterStatus.OPEN.name())
                    .setParameter(6, java.sql.Timestamp.from(clock.instant())).setParameter(7, actor)
                    .executeUpdate();
            return inserted == 1;
        });
        if (!created) {
            throw new RegisterExists("a register with code " + request.code + " exists already");
        }
        return view(register, Map.of(), suggestions.rates());
    }

    @Override
    public void useKeyOf(String code, String owner) {
        transactions.inTransaction(() -> find(code).useKeyOf(owner));
    }

    @Override
    public List<RegisterView> registers() {
        // One count of open registers per location and one sales history per SKU and location for the whole list.
        SuggestedTargets.Rates rates = suggestions.rates();
        return em.createQuery("select r from Register r order by r.code", Register.class).getResultStream()
                .map(r -> view(r, Map.of(), rates)).toList();
    }

    @Override
    public Optional<RegisterView> register(String code, Viewer viewer) {
        return Optional.ofNullable(em.find(Register.class, code)).filter(r -> visible(r, viewer))
                .map(r -> view(r, Map.of(), suggestions.rates()));
    }

    @Override
    public RegisterView setAllotments(String code, AllotmentTargets request, Viewer viewer) {
        Register register = visibleOpen(code, viewer, "it takes no allotments");
        Set<String> named = new HashSet<>();
        List<SetAllotment.Target> targets = new ArrayList<>();
        for (int i = 0; i < request.lines.size(); i++) {
            AllotmentTargets.Target line = request.lines.get(i);
            if (!named.add(line.sku)) {
                throw new InvalidField("lines[" + i + "].sku", "names " + line.sku + " a second time");
            }
            targets.add(new SetAllotment.Target(line.sku, line.target));
        }
        @SuppressWarnings("unchecked")
        List<AllotmentView> aimed = (List<AllotmentView>) batcher.submit(
                new StockRequest.Allot(register.holder(), register.location(), targets, viewer.actor()));
        if (register.ownedBy(viewer.owner())) {
            transactions.inTransaction(() -> find(code).contacted(clock.instant()));
        }
        Map<String, Integer> shortBy = new HashMap<>();
        aimed.stream().filter(a -> a.shortBy() > 0).forEach(a -> shortBy.put(a.sku(), a.shortBy()));
        return view(find(code), shortBy, suggestions.rates());
    }

    @Override
    public PairingView startPairing(String code, Viewer viewer, int minutes) {
        visibleOpen(code, viewer, "it cannot be paired");
        String pairingCode = PairingCode.generate();
        Object expiresAt = transactions.inTransaction(() -> {
            em.createNativeQuery("delete from orders.register_pairing where register_code = ?1 and used_at is null")
                    .setParameter(1, code).executeUpdate();
            // Expiry by the database's clock, which is what pair() checks it against.
            return em.createNativeQuery("insert into orders.register_pairing (code_hash, register_code, expires_at, created_by) "
                            + "values (?1, ?2, now() + make_interval(mins => ?3), ?4) returning expires_at")
                    .setParameter(1, PairingCode.hash(PairingCode.normalise(pairingCode))).setParameter(2, code)
                    .setParameter(3, minutes).setParameter(4, viewer.actor()).getSingleResult();
        });
        return new PairingView(code, pairingCode, instant(expiresAt));
    }

    @Override
    public Optional<PairedRegister> pair(String typed) {
        String canonical = PairingCode.normalise(typed);
        if (canonical == null) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> {
            // Spent by the one statement that finds it unspent and unexpired (the database's clock): once.
            @SuppressWarnings("unchecked")
            List<Object> spent = em.createNativeQuery("update orders.register_pairing set used_at = now() where code_hash = ?1 "
                            + "and used_at is null and expires_at > now() returning register_code")
                    .setParameter(1, PairingCode.hash(canonical)).getResultList();
            if (spent.isEmpty()) {
                return Optional.<PairedRegister>empty();
            }
            Register register = em.find(Register.class, spent.get(0), LockModeType.PESSIMISTIC_WRITE);
            if (register.status() == RegisterStatus.CLOSED) {
                return Optional.<PairedRegister>empty();
            }
            return Optional.of(new PairedRegister(register.code(), register.name(), register.location(),
                    register.offlineHours(), Optional.ofNullable(register.owner())));
        });
    }

    @Override
    public RegisterSales.Settled recordSales(String code, RegisterSales request, Viewer viewer) {
        Register register = Optional.ofNullable(em.find(Register.class, code)).filter(r -> r.ownedBy(viewer.owner()))
                .orElseThrow(() -> new NotFound("no register " + code));
        for (int i = 0; i < request.sales.size(); i++) {
            RegisterSales.Tender tender = request.sales.get(i).tender;
            if ("CARD".equals(tender.type) && (tender.token == null || tender.token.isBlank())) {
                throw new InvalidField("sales[" + i + "].tender.token", "a CARD tender needs the card's token");
            }
        }
        Map<java.util.UUID, RegisterSettlement.Payment> payments = cards.capture(register, request.sales);
        @SuppressWarnings("unchecked")
        List<RegisterSales.Result> results = (List<RegisterSales.Result>) batcher.submit(new StockRequest.Settle(code,
                register.holder(), register.location(), viewer.owner(), request.sales, payments, viewer.actor()));
        return new RegisterSales.Settled(results, view(find(code), Map.of(), suggestions.rates()));
    }

    @Override
    public RegisterView close(String code, long lastSeq, Viewer viewer) {
        List<Long> missing = transactions.inTransaction(() -> {
            Register register = Optional.ofNullable(em.find(Register.class, code, LockModeType.PESSIMISTIC_WRITE))
                    .filter(r -> visible(r, viewer)).orElseThrow(() -> new NotFound("no register " + code));
            if (register.status() == RegisterStatus.LOST) {
                throw new RegisterClosed("register " + code + " was closed as lost; a count of its location gives its "
                        + "units back");
            }
            if (lastSeq < register.lastSeq()) {
                throw new InvalidField("lastSeq", "sales up to " + register.lastSeq() + " are recorded already");
            }
            List<Long> gaps = register.unrecordedUpTo(lastSeq) ? missing(code, register.settledSeq(), lastSeq) : List.of();
            if (gaps.isEmpty()) {
                register.close();
            }
            return gaps;
        });
        if (!missing.isEmpty()) {
            throw new SalesMissing("register " + code + " cannot close: " + missing.size() + (missing.size() == MAX_MISSING
                    ? " or more sales" : " sales") + " up to " + lastSeq + " have not reached the server", missing);
        }
        // What it still holds goes back to available stock, through the batches like any change of reservations.
        Register closed = find(code);
        List<SetAllotment.Target> none = inventory.allotments(closed.holder()).stream()
                .filter(a -> a.location().equals(closed.location()) && a.remaining() > 0)
                .map(a -> new SetAllotment.Target(a.sku(), 0)).toList();
        if (!none.isEmpty()) {
            batcher.submit(new StockRequest.Allot(closed.holder(), closed.location(), none, viewer.actor()));
        }
        return view(find(code), Map.of(), suggestions.rates());
    }

    @Override
    public List<io.quartermaster.orders.api.RegisterSaleView> needingAttention(String code, Viewer viewer) {
        Optional.ofNullable(em.find(Register.class, code)).filter(r -> visible(r, viewer))
                .orElseThrow(() -> new NotFound("no register " + code));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, seq, sold_at, status, tender, payment, total, "
                        + "problem::json ->> 'detail', cashier, order_id from orders.register_sale where register_code = ?1 "
                        + "and (status = 'REFUSED' or payment = 'DECLINED') order by seq desc limit 200")
                .setParameter(1, code).getResultList();
        return rows.stream().map(r -> new io.quartermaster.orders.api.RegisterSaleView(uuid(r[0]), ((Number) r[1]).longValue(),
                instant(r[2]), (String) r[3], (String) r[4], (String) r[5], (java.math.BigDecimal) r[6],
                (String) r[7], (String) r[8], uuid(r[9]))).toList();
    }

    private static java.time.Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
    }

    /** A uuid column as a native query returns it (a UUID, or its text), or null. */
    static java.util.UUID uuid(Object value) {
        return value == null ? null : value instanceof java.util.UUID u ? u : java.util.UUID.fromString(value.toString());
    }

    @Override
    public RegisterView closeAsLost(String code, Viewer viewer) {
        if (!viewer.staff()) {
            throw new NotFound("no register " + code);
        }
        Register lost = transactions.inTransaction(() -> {
            Register register = Optional.ofNullable(em.find(Register.class, code, LockModeType.PESSIMISTIC_WRITE))
                    .orElseThrow(() -> new NotFound("no register " + code));
            if (register.status() == RegisterStatus.CLOSED) {
                throw new RegisterClosed("register " + code + " is closed already; what it held is back in stock");
            }
            register.closeAsLost();
            return register;
        });
        // Again when it was LOST already: freezing twice changes nothing, and a first attempt may have failed here.
        inventory.freezeAllotments(lost.holder(), new LocationCode(lost.location()));
        return view(find(code), Map.of(), suggestions.rates());
    }

    /** The numbers above {@code settled} up to {@code upTo} with no sale recorded, at most {@link #MAX_MISSING}. */
    private List<Long> missing(String code, long settled, long upTo) {
        if (upTo <= settled) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> numbers = em.createNativeQuery("select n from generate_series(cast(?2 as bigint), cast(?3 as bigint)) n "
                        + "where not exists (select 1 from orders.register_sale s where s.register_code = ?1 and s.seq = n) "
                        + "order by n limit " + MAX_MISSING)
                .setParameter(1, code).setParameter(2, settled + 1).setParameter(3, upTo).getResultList();
        return numbers.stream().map(n -> ((Number) n).longValue()).toList();
    }

    private Register find(String code) {
        Register register = em.find(Register.class, code);
        if (register == null) {
            throw new NotFound("no register " + code);
        }
        return register;
    }

    /** The register, if the viewer may see it (404 otherwise) and it is open (409 saying why not otherwise). */
    private Register visibleOpen(String code, Viewer viewer, String whyNot) {
        Register register = Optional.ofNullable(em.find(Register.class, code)).filter(r -> visible(r, viewer))
                .orElseThrow(() -> new NotFound("no register " + code));
        if (register.status() != RegisterStatus.OPEN) {
            throw new RegisterClosed("register " + code + " is " + (register.status() == RegisterStatus.LOST
                    ? "closed as lost" : "closed") + "; " + whyNot);
        }
        return register;
    }

    private static boolean visible(Register register, Viewer viewer) {
        return viewer.staff() || register.ownedBy(viewer.owner());
    }

    private RegisterView view(Register r, Map<String, Integer> shortBy, SuggestedTargets.Rates rates) {
        List<AllotmentView> held = inventory.allotments(r.holder()).stream()
                .filter(a -> a.location().equals(r.location())).toList();
        Map<Sku, ProductView> products = inventory.products(held.stream().map(a -> new Sku(a.sku())).toList());
        List<RegisterView.Allotment> lines = held.stream().map(a -> {
            ProductView p = products.get(new Sku(a.sku()));
            return new RegisterView.Allotment(a.sku(), p == null ? null : p.name(), p == null ? null : p.price(),
                    p == null ? null : p.taxRate(), a.target(), a.granted(), a.sold(), a.returned(), a.remaining(),
                    rates.suggestedTarget(a.sku(), r), shortBy.get(a.sku()));
        }).toList();
        return new RegisterView(r.code(), r.name(), r.location(), r.offlineHours(), r.status().name(), r.lastContactAt(),
                r.lastSeq(), missing(r.code(), r.settledSeq(), r.lastSeq()), lines);
    }
}
