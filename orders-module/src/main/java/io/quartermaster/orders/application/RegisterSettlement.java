package io.quartermaster.orders.application;

import static io.quartermaster.orders.application.OrderViews.eventLines;

import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.HoldOutcome;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.SellAllotted;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.orders.api.RegisterSales;
import io.quartermaster.orders.api.event.OrderPlaced;
import io.quartermaster.orders.api.refusal.RegisterClosed;
import io.quartermaster.orders.api.refusal.RegisterLost;
import io.quartermaster.orders.api.refusal.SaleNumberTaken;
import io.quartermaster.orders.domain.order.CustomerOrder;
import io.quartermaster.orders.domain.order.OrderItem;
import io.quartermaster.orders.domain.order.PricedLine;
import io.quartermaster.orders.domain.order.Totals;
import io.quartermaster.orders.domain.register.RegisterStatus;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A register's sales recorded inside a stock batch (DESIGN.md §9 "Settlement"). The register's
 * row is locked first — so two settlements of one register, on one instance or two, take turns
 * — then each sale is looked up by the register's id for it: one recorded before answers as it
 * did; a new one becomes a {@link SellAllotted} for the inventory (allotment first, then free
 * stock, else refused alone) and, once sold, an order of channel POS carrying the register's
 * code. Every sale, recorded or refused, is kept in {@code register_sale} with the batch.
 */
@ApplicationScoped
public class RegisterSettlement {

    /** What paying for a sale came to before the batch: CASH, CAPTURED (with its reference), DECLINED or NONE. */
    public record Payment(String status, String reference) {
    }

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    Clock clock;

    /** A sale not recorded before: where it is in the request, the order it becomes, its lines as charged. */
    private record Fresh(int index, UUID orderId, List<OrderItem> lines) {
    }

    /** One settlement request in the batch: its new sales' commands, then their outcomes. */
    public final class Pending {

        private final StockRequest.Settle request;
        private final RegisterSales.Result[] results;
        private final List<Fresh> fresh = new ArrayList<>();
        private final List<SellAllotted> commands = new ArrayList<>();
        private final List<HoldOutcome> outcomes = new ArrayList<>();

        private Pending(StockRequest.Settle request) {
            this.request = request;
            this.results = new RegisterSales.Result[request.sales().size()];
        }

        /** The register is LOST: its new sales are kept as discrepancies, with no stock command. */
        private boolean lost;

        /** The inventory commands of the sales not recorded before, in the order sent (none for a lost register). */
        public List<SellAllotted> commands() {
            return commands;
        }

        /** The inventory's outcome of the next command, in order. */
        public void decided(HoldOutcome outcome) {
            outcomes.add(outcome);
        }

        private HoldOutcome lostOutcome() {
            return HoldOutcome.refused(new RegisterLost("register " + request.register() + " was closed as lost and its "
                    + "location counted; this sale is kept for its money and moves no stock"));
        }

        /** Writes the orders and the sales; the orders' events go into {@code placed}. The results, in the order sent. */
        public List<RegisterSales.Result> record(List<OrderPlaced> placed) {
            Instant now = clock.instant();
            List<String[]> rows = new ArrayList<>();
            for (int n = 0; n < fresh.size(); n++) {
                int i = fresh.get(n).index();
                RegisterSales.Sale sale = request.sales().get(i);
                HoldOutcome outcome = lost ? lostOutcome() : outcomes.get(n);
                Payment payment = request.payments().getOrDefault(sale.id, cash(sale));
                List<OrderItem> lines = fresh.get(n).lines();
                Totals totals = Totals.of(lines.stream()
                        .map(l -> new PricedLine(l.sku(), l.quantity(), l.unitPrice(), l.taxRate())).toList());
                if (outcome.refused()) {
                    // Kept with what the register charged: staff see the amount of the discrepancy.
                    Map<String, Object> problem = problem(outcome.refusal());
                    results[i] = new RegisterSales.Result(sale.id, sale.seq, "REFUSED", null, payment.status(), problem);
                    rows.add(row(sale, "REFUSED", null, payment, totals.total().amount(), 0, JSON.toJson(problem), now));
                    continue;
                }
                UUID orderId = fresh.get(n).orderId();
                String paymentRef = payment.reference() != null ? payment.reference()
                        : payment.status().toLowerCase(java.util.Locale.ROOT) + ":" + sale.id;
                CustomerOrder order = CustomerOrder.atRegister(orderId, request.register(), request.owner(), lines, totals,
                        paymentRef, now);
                em.persist(order);
                placed.add(new OrderPlaced(orderId, order.channel(), eventLines(lines), order.subtotal(), order.tax(),
                        order.total(), order.currency(), sale.soldAt, request.register(),
                        "DECLINED".equals(payment.status())));
                int repriced = (int) lines.stream().filter(l -> l.cataloguePrice() != null).count();
                results[i] = new RegisterSales.Result(sale.id, sale.seq, "RECORDED", orderId, payment.status(), null);
                rows.add(row(sale, "RECORDED", orderId, payment, order.total(), repriced, null, now));
            }
            em.flush(); // the orders first: a sale references its order
            insert(rows);
            advance(now);
            return List.of(results);
        }

        /** One row per sale, as text (cast back by the statement), so that one statement writes them all. */
        private String[] row(RegisterSales.Sale sale, String status, UUID orderId, Payment payment, BigDecimal total,
                             int repriced, String problem, Instant now) {
            return new String[] {sale.id.toString(), String.valueOf(sale.seq), sale.soldAt.toString(), status,
                orderId == null ? null : orderId.toString(), sale.tender.type, payment.status(), payment.reference(),
                total.toPlainString(), String.valueOf(repriced), problem, sale.cashier, now.toString()};
        }

        private void insert(List<String[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            String[][] columns = new String[13][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < 13; c++) {
                    columns[c][r] = rows.get(r)[c];
                }
            }
            var insert = em.createNativeQuery("insert into orders.register_sale (register_code, id, seq, sold_at, status, "
                    + "order_id, tender, payment, payment_ref, total, repriced, problem, cashier, recorded_at) "
                    + "select ?1, cast(a as uuid), cast(b as bigint), cast(c as timestamptz), d, cast(e as uuid), f, g, h, "
                    + "cast(i as numeric), cast(j as int), k, l, cast(m as timestamptz) from unnest(cast(?2 as text[]), "
                    + "cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]), "
                    + "cast(?8 as text[]), cast(?9 as text[]), cast(?10 as text[]), cast(?11 as text[]), cast(?12 as text[]), "
                    + "cast(?13 as text[]), cast(?14 as text[])) as u(a, b, c, d, e, f, g, h, i, j, k, l, m)")
                    .setParameter(1, request.register());
            for (int c = 0; c < 13; c++) {
                insert.setParameter(c + 2, columns[c]);
            }
            insert.executeUpdate();
        }

        /** The register's highest number, and the number up to which every sale is recorded now. */
        private void advance(Instant now) {
            long highest = fresh.stream().mapToLong(f -> request.sales().get(f.index()).seq).max().orElse(0);
            em.createNativeQuery("update orders.register r set last_contact_at = ?2, last_seq = greatest(r.last_seq, ?3), "
                            + "settled_seq = case when exists (select 1 from orders.register_sale f where f.register_code = r.code "
                            + "and f.seq = r.settled_seq + 1) then (select min(s.seq) from orders.register_sale s "
                            + "where s.register_code = r.code and s.seq > r.settled_seq and not exists (select 1 "
                            + "from orders.register_sale n where n.register_code = s.register_code and n.seq = s.seq + 1)) "
                            + "else r.settled_seq end where r.code = ?1")
                    .setParameter(1, request.register()).setParameter(2, Timestamp.from(now)).setParameter(3, highest)
                    .executeUpdate();
        }
    }

    /**
     * Locks the register's row, answers the sales recorded before, and prepares the new ones.
     * Runs inside the batch's transaction, before the inventory locks any stock row.
     */
    public Pending prepare(StockRequest.Settle request) {
        @SuppressWarnings("unchecked")
        List<Object> status = em.createNativeQuery("select status from orders.register where code = ?1 for update")
                .setParameter(1, request.register()).getResultList();
        if (status.isEmpty()) {
            throw new NotFound("no register " + request.register());
        }
        if (RegisterStatus.CLOSED.name().equals(status.get(0))) {
            throw new RegisterClosed("register " + request.register() + " is closed; it records no more sales");
        }
        Pending pending = new Pending(request);
        pending.lost = RegisterStatus.LOST.name().equals(status.get(0));
        List<RegisterSales.Sale> sales = request.sales();
        Map<UUID, Object[]> byId = new HashMap<>();
        Map<Long, UUID> idBySeq = new HashMap<>();
        readRecorded(request.register(), sales, byId, idBySeq);
        Set<String> skus = new TreeSet<>();
        sales.forEach(s -> s.lines.forEach(l -> skus.add(l.sku)));
        Map<Sku, ProductView> products = inventory.products(skus.stream().map(Sku::new).toList());
        Map<UUID, Long> taken = new HashMap<>();
        Set<Long> seqs = new HashSet<>();
        for (int i = 0; i < sales.size(); i++) {
            RegisterSales.Sale sale = sales.get(i);
            Object[] recorded = byId.get(sale.id);
            if (recorded != null) {
                pending.results[i] = earlier(sale, recorded);
            } else if (taken.containsKey(sale.id)) {
                pending.results[i] = taken.get(sale.id).equals(sale.seq)
                        ? new RegisterSales.Result(sale.id, sale.seq, "ALREADY_RECORDED", null, null, null)
                        : conflict(sale, "sale " + sale.id + " was sent with seq " + taken.get(sale.id) + " already");
            } else if (idBySeq.containsKey(sale.seq) || !seqs.add(sale.seq)) {
                pending.results[i] = conflict(sale, "seq " + sale.seq + " is another sale's");
            } else {
                taken.put(sale.id, sale.seq);
                UUID orderId = UUID.randomUUID();
                List<OrderItem> lines = new ArrayList<>();
                for (RegisterSales.Line l : sale.lines) {
                    ProductView product = products.get(new Sku(l.sku));
                    lines.add(OrderItem.charged(l.sku, request.location(), l.quantity, l.unitPrice,
                            product == null ? BigDecimal.ZERO : product.taxRate(), product == null ? null : product.price()));
                }
                pending.fresh.add(new Fresh(i, orderId, lines));
                if (pending.lost) {
                    continue; // kept as a discrepancy: the count has accounted for the units
                }
                pending.commands.add(new SellAllotted(request.holder(), request.location(), orderId.toString(),
                        sale.lines.stream().map(l -> new CartLine(l.sku, l.quantity)).toList(), sale.soldAt, request.actor()));
            }
        }
        return pending;
    }

    /** The sales of this request the register sent before (by id), and the numbers they took (by seq). */
    private void readRecorded(String register, List<RegisterSales.Sale> sales, Map<UUID, Object[]> byId,
                              Map<Long, UUID> idBySeq) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, seq, status, order_id, payment, problem "
                        + "from orders.register_sale where register_code = ?1 and (id = any(?2) or seq = any(?3))")
                .setParameter(1, register)
                .setParameter(2, sales.stream().map(s -> s.id).toArray(UUID[]::new))
                .setParameter(3, sales.stream().map(s -> s.seq).toArray(Long[]::new))
                .getResultList();
        for (Object[] row : rows) {
            UUID id = Registers.uuid(row[0]);
            byId.put(id, row);
            idBySeq.put(((Number) row[1]).longValue(), id);
        }
    }

    private static RegisterSales.Result earlier(RegisterSales.Sale sale, Object[] row) {
        long seq = ((Number) row[1]).longValue();
        if (seq != sale.seq) {
            return conflict(sale, "sale " + sale.id + " was recorded with seq " + seq);
        }
        UUID orderId = Registers.uuid(row[3]);
        if ("REFUSED".equals(row[2])) {
            @SuppressWarnings("unchecked")
            Map<String, Object> problem = row[5] == null ? null : JSON.fromJson((String) row[5], LinkedHashMap.class);
            return new RegisterSales.Result(sale.id, seq, "REFUSED", null, (String) row[4], problem);
        }
        return new RegisterSales.Result(sale.id, seq, "ALREADY_RECORDED", orderId, (String) row[4], null);
    }

    private static RegisterSales.Result conflict(RegisterSales.Sale sale, String detail) {
        return new RegisterSales.Result(sale.id, sale.seq, "REFUSED", null, null,
                problem(new SaleNumberTaken(detail)));
    }

    private static Payment cash(RegisterSales.Sale sale) {
        return new Payment("CARD".equals(sale.tender.type) ? "NONE" : "CASH", null);
    }

    /** A refusal as problem+json would carry it. */
    static Map<String, Object> problem(ProblemException refusal) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", refusal.type());
        problem.put("title", refusal.title());
        problem.put("detail", refusal.getMessage());
        problem.putAll(refusal.extensions());
        return problem;
    }
}
