package io.quartermaster.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.LedgerViews.AccountView;
import io.quartermaster.erp.api.LedgerViews.EntryView;
import io.quartermaster.erp.api.LedgerViews.Reconciliation;
import io.quartermaster.erp.api.LedgerViews.TrialBalance;
import io.quartermaster.erp.api.ManualEntry;
import io.quartermaster.erp.api.Reversal;
import io.quartermaster.inventory.api.AdjustStock;
import io.quartermaster.inventory.api.CountStock;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.orders.api.LineRequest;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderId;
import io.quartermaster.orders.api.OrderRequest;
import io.quartermaster.orders.api.OrderView;
import io.quartermaster.orders.api.PaymentRequest;
import io.quartermaster.orders.api.ReturnRequest;
import io.quartermaster.orders.api.Seller;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.platform.api.event.EventEnvelope;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.infrastructure.messaging.Broker;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The books, fed by real events over the real broker: exactly once, order-independent,
 * balanced to the cent after a business day, immutable, and closed periods respected.
 * Synthetic stock events here always net to zero on the inventory account, so the
 * stock-versus-ledger reconciliation stays meaningful for the whole test run.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Inject
    LedgerFacade ledger;

    @Inject
    InventoryFacade inventory;

    @Inject
    OrderFacade orders;

    @Inject
    Broker broker;

    @Resource(lookup = "java:app/jdbc/quartermaster")
    DataSource dataSource;

    @Test
    void everyEventTypeDeliveredTwiceOrAfterARollbackPostsOneEntry() throws Exception {
        String forced = "FORCE-ROLLBACK-" + UUID.randomUUID().toString().substring(0, 6);
        sql("create sequence if not exists it_probe.fail_counter");
        sql("create or replace function it_probe.fail_first() returns trigger language plpgsql as $$ begin "
                + "if new.description like '%FORCE-ROLLBACK%' and nextval('it_probe.fail_counter') = 1 then "
                + "raise exception 'forced rollback for the test'; end if; return new; end $$");
        sql("create trigger it_fail_first before insert on erp.journal_entry for each row execute function it_probe.fail_first()");
        try {
            List<EventEnvelope> events = List.of(
                    event("OrderPlaced", order("30.00", "6.00", "36.00"), Instant.now()),
                    event("OrderCancelled", order("10.00", "2.00", "12.00"), Instant.now()),
                    event("OrderReturned", order("5.00", "1.00", "6.00"), Instant.now()),
                    event("StockReceived", stock(forced, 4, "10.00"), Instant.now()),
                    event("StockSold", stock("SYN", -1, "-4.00"), Instant.now()),
                    event("StockReturned", stock("SYN", 1, "1.00"), Instant.now()),
                    event("StockAdjusted", stock("SYN", -1, "-2.00"), Instant.now()),
                    event("StockCounted", stock("SYN", -1, "-5.00"), Instant.now()));
            // One transacted send: the broker hands all 16 deliveries to the consumer at once, so
            // both copies of an event meet in one consumer batch, and the batch that meets the
            // forced failure rolls back whole and is retried.
            try (JMSContext context = broker.relayContext()) {
                for (EventEnvelope e : events) {
                    send(context, e, "first-" + e.eventId());
                    send(context, e, "second-" + e.eventId());
                }
                context.commit();
            }
            List<UUID> ids = events.stream().map(EventEnvelope::eventId).toList();
            Poll.until(() -> entriesFor(ids), m -> m.size() == ids.size(), Duration.ofSeconds(30), "one entry per event");
            Thread.sleep(1500);
            Map<UUID, Long> entries = entriesFor(ids);
            ids.forEach(id -> assertEquals(1L, entries.get(id), "entries for " + id));
            assertTrue(count("select last_value from it_probe.fail_counter") >= 2,
                    "the receipt's first delivery was rolled back and a redelivery posted it");
        } finally {
            sql("drop trigger if exists it_fail_first on erp.journal_entry");
        }
    }

    @Test
    void theCheckerFindsAConsumedEventWithoutItsEntryAmongPagesOfStoredEvents() throws Exception {
        UUID id = UUID.randomUUID();
        EventEnvelope lost = new EventEnvelope(id, "OrderPlaced", 1, Instant.now(), order("7.00", "1.00", "8.00"));
        // An event the ERP recorded as consumed but never posted — what a lost posting would look like —
        // stored (as published) in the outbox among the others.
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement(
                "insert into platform.outbox (event_id, type, version, occurred_at, body, published_at, next_attempt_at) "
                        + "values (?, 'OrderPlaced', 1, now(), ?, now(), now())")) {
            s.setObject(1, id);
            s.setString(2, lost.toJson());
            s.executeUpdate();
        }
        sql("insert into platform.consumed_event (consumer, event_id, event_type) values ('erp', '" + id + "', 'OrderPlaced')");
        try {
            List<io.quartermaster.platform.api.check.InvariantCheck> checks = ledger.invariants(Duration.ofMinutes(5), Instant.now());
            var rule = checks.stream().filter(c -> c.rule().startsWith("every consumed event with postings")).findFirst().orElseThrow();
            assertTrue(rule.violations().stream().anyMatch(v -> id.toString().equals(v.rows().get("eventId"))), rule.toString());
        } finally {
            sql("delete from platform.consumed_event where consumer = 'erp' and event_id = '" + id + "'");
            sql("delete from platform.outbox where event_id = '" + id + "'");
        }
    }

    @Test
    void theSameEventsInAShuffledOrderGiveTheSameBalances() throws Exception {
        awaitAtRest();
        Map<String, BigDecimal> before = balances();
        List<EventEnvelope> events = new ArrayList<>();
        String[][] stock = {{"StockReceived", "12.34"}, {"StockReceived", "7.66"}, {"StockSold", "-3.21"},
                {"StockSold", "-6.79"}, {"StockReturned", "1.50"}, {"StockAdjusted", "-1.50"}, {"StockCounted", "2.00"},
                {"StockCounted", "-12.00"}};
        for (String[] s : stock) {
            events.add(event(s[0], stock("SHUF", Integer.signum(new BigDecimal(s[1]).signum()), s[1]), Instant.now()));
        }
        events.add(event("OrderPlaced", order("100.00", "20.00", "120.00"), Instant.now()));
        events.add(event("OrderPlaced", order("9.99", "2.00", "11.99"), Instant.now()));
        events.add(event("OrderReturned", order("9.99", "2.00", "11.99"), Instant.now()));
        Collections.shuffle(events, new Random(7));
        for (EventEnvelope e : events) {
            send(e, e.eventId().toString());
        }
        List<UUID> ids = events.stream().map(EventEnvelope::eventId).toList();
        Poll.until(() -> entriesFor(ids), m -> m.size() == ids.size(), Duration.ofSeconds(30), "all shuffled events posted");
        Map<String, BigDecimal> delta = delta(before, balances());
        assertAmount("0.00", delta.get("1200"), "inventory: the synthetic stock events net to zero");
        assertAmount("20.00", delta.get("2000"), "payables: receipts 12.34 + 7.66");
        assertAmount("8.50", delta.get("5000"), "COGS: 3.21 + 6.79 − 1.50");
        assertAmount("11.50", delta.get("5100"), "shrinkage: 1.50 − 2.00 + 12.00");
        assertAmount("100.00", delta.get("4000"), "revenue");
        assertAmount("20.00", delta.get("2100"), "sales tax");
        assertAmount("120.00", delta.get("1000"), "clearing");
    }

    @Test
    void aScriptedBusinessDayBalancesToTheCentAndReconciles() throws Exception {
        awaitAtRest();
        Map<String, BigDecimal> before = balances();
        String sku = "DAY-" + UUID.randomUUID().toString().substring(0, 8);
        inventory.putProduct(new Sku(sku), new PutProduct("Day item", new BigDecimal("10.00"), new BigDecimal("0.20")));
        inventory.receive(new ReceiveStock(sku, "MAIN", 10, new BigDecimal("2.00"), "PO-A"), "it");
        inventory.receive(new ReceiveStock(sku, "MAIN", 10, new BigDecimal("3.00"), "PO-B"), "it");

        OrderView web = sell("WEB", sku, 2);
        OrderView mobile = sell("MOBILE", sku, 3);
        sell("POS", sku, 1);
        orders.cancel(new OrderId(mobile.id()), new Viewer("it", true, "it"));
        orders.returnLines(new OrderId(web.id()), new ReturnRequest(List.of(new LineRequest(sku, 1))), new Viewer("it", true, "it"));
        inventory.adjust(new AdjustStock(sku, "MAIN", -1, "broken"), "it");
        inventory.count(new CountStock(sku, "MAIN", 15, "evening count"), "it");

        Reconciliation reconciliation = awaitAtRest();
        Map<String, BigDecimal> delta = delta(before, balances());
        // Receipts 20.00 + 30.00; sales out at 2.50: 5.00 + 7.50 + 2.50; back: 7.50 (cancel) + 2.50 (return);
        // shrinkage: 2.50 (adjustment) + 5.00 (count: 42.50 × 2 / 17).
        assertAmount("37.50", delta.get("1200"), "inventory");
        assertAmount("50.00", delta.get("2000"), "payables");
        assertAmount("5.00", delta.get("5000"), "COGS");
        assertAmount("7.50", delta.get("5100"), "shrinkage");
        // Sold 6 × 10.00 + 20 % tax; cancelled 3, returned 1.
        assertAmount("20.00", delta.get("4000"), "revenue");
        assertAmount("4.00", delta.get("2100"), "sales tax");
        assertAmount("24.00", delta.get("1000"), "clearing");
        assertAmount("37.50", inventory.stock(new Sku(sku)).levels().get(0).stockValue(), "the stock's own value");

        TrialBalance tb = ledger.trialBalance(null);
        assertEquals(0, tb.totalDebit().compareTo(tb.totalCredit()), "trial balance totals");
        assertEquals(0, count("select count(*) from (select e.id from erp.journal_entry e join erp.journal_line l "
                + "on l.entry_id = e.id group by e.id having sum(l.debit) <> sum(l.credit) or count(*) < 2) unbalanced"));
        assertEquals(0, reconciliation.difference().signum(), "stock value = inventory account: " + reconciliation);
    }

    @Test
    void postedJournalLinesCannotBeChangedOrDeletedOrUnbalanced() throws Exception {
        EntryView entry = ledger.postManual(new ManualEntry(LocalDate.now(), "owner's contribution", List.of(
                new ManualEntry.Line("1000", new BigDecimal("500.00"), null),
                new ManualEntry.Line("3000", null, new BigDecimal("500.00")))), "it-accountant");
        assertEquals("MANUAL", entry.kind());
        assertEquals("it-accountant", entry.actor());
        assertThrows(SQLException.class, () -> sql("update erp.journal_line set debit = 1 where entry_id = " + entry.id()));
        assertThrows(SQLException.class, () -> sql("delete from erp.journal_line where entry_id = " + entry.id()));
        assertThrows(SQLException.class, () -> sql("delete from erp.journal_entry where id = " + entry.id()));
        assertThrows(SQLException.class, () -> sql("with e as (insert into erp.journal_entry (entry_date, description, kind, actor) "
                + "values (current_date, 'x', 'MANUAL', 'sql') returning id) insert into erp.journal_line (entry_id, line_no, account, debit) "
                + "select id, 0, '1000', 5 from e"));

        EntryView reversal = ledger.reverse(entry.id(), new Reversal("posted twice by mistake"), "it-accountant");
        assertEquals(entry.id(), reversal.reverses());
        assertEquals(0, new BigDecimal("500.00").compareTo(reversal.lines().get(0).credit()));
        ProblemException twice = assertThrows(ProblemException.class,
                () -> ledger.reverse(entry.id(), new Reversal("again"), "it-accountant"));
        assertEquals(409, twice.status());
        ProblemException unbalanced = assertThrows(ProblemException.class, () -> ledger.postManual(new ManualEntry(null, "bad",
                List.of(new ManualEntry.Line("1000", BigDecimal.TEN, null), new ManualEntry.Line("3000", null, BigDecimal.ONE))), "it"));
        assertEquals(422, unbalanced.status());
        ProblemException unknown = assertThrows(ProblemException.class, () -> ledger.postManual(new ManualEntry(null, "bad",
                List.of(new ManualEntry.Line("9999", BigDecimal.TEN, null), new ManualEntry.Line("3000", null, BigDecimal.TEN))), "it"));
        assertEquals(422, unknown.status());
    }

    @Test
    void aClosedPeriodTakesNoPostingsAndLateEventsLandInTheNextOpenOne() throws Exception {
        LocalDate march = LocalDate.of(2025, 3, 1);
        ledger.closePeriod(march, "it-accountant");
        ledger.closePeriod(march.plusMonths(1), "it-accountant");
        try {
            ProblemException closed = assertThrows(ProblemException.class, () -> ledger.postManual(new ManualEntry(
                    LocalDate.of(2025, 3, 10), "late accrual", List.of(new ManualEntry.Line("5100", BigDecimal.ONE, null),
                    new ManualEntry.Line("3000", null, BigDecimal.ONE))), "it"));
            assertEquals(409, closed.status());

            EventEnvelope late = event("OrderPlaced", order("1.00", "0.20", "1.20"), Instant.parse("2025-03-15T10:00:00Z"));
            send(late, late.eventId().toString());
            Poll.until(() -> entriesFor(List.of(late.eventId())), m -> m.size() == 1, Duration.ofSeconds(30), "the late event");
            EntryView posted = ledger.journal(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 0, 1000).items().stream()
                    .filter(e -> late.eventId().equals(e.sourceEventId())).findFirst().orElseThrow();
            assertEquals(LocalDate.of(2025, 5, 1), posted.entryDate(), "first open period after March and April");
            assertTrue(posted.note().contains("closed"), posted.note());
        } finally {
            ledger.reopenPeriod(march, "it-accountant");
            ledger.reopenPeriod(march.plusMonths(1), "it-accountant");
        }
        EntryView accrual = ledger.postManual(new ManualEntry(LocalDate.of(2025, 3, 10), "late accrual", List.of(
                new ManualEntry.Line("5100", BigDecimal.ONE, null), new ManualEntry.Line("3000", null, BigDecimal.ONE))), "it");
        assertEquals(LocalDate.of(2025, 3, 10), accrual.entryDate());
    }

    // ------------------------------------------------------------------ helpers

    private OrderView sell(String channel, String sku, int quantity) {
        return orders.placeOrder(new Seller("it:" + channel, channel, "it"),
                new OrderRequest(List.of(new LineRequest(sku, quantity)), new PaymentRequest("tok_visa"), null));
    }

    private Reconciliation awaitAtRest() throws Exception {
        return Poll.until(() -> ledger.reconciliation(), r -> r.atRest() && r.difference().signum() == 0,
                Duration.ofSeconds(30), "the books at rest and reconciled");
    }

    private Map<String, BigDecimal> balances() {
        Map<String, BigDecimal> map = new HashMap<>();
        for (AccountView a : ledger.accounts(null)) {
            map.put(a.code(), a.balance());
        }
        return map;
    }

    private static Map<String, BigDecimal> delta(Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        Map<String, BigDecimal> delta = new HashMap<>();
        after.forEach((k, v) -> delta.put(k, v.subtract(before.getOrDefault(k, BigDecimal.ZERO))));
        return delta;
    }

    private static void assertAmount(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + " but was " + actual);
    }

    private static String order(String subtotal, String tax, String total) {
        return "{\"orderId\":\"" + UUID.randomUUID() + "\",\"channel\":\"WEB\",\"lines\":[],\"subtotal\":" + subtotal
                + ",\"tax\":" + tax + ",\"total\":" + total + ",\"currency\":\"EUR\"}";
    }

    private static String stock(String sku, int quantity, String value) {
        return "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":" + quantity + ",\"unitCost\":1,\"value\":" + value + "}";
    }

    private static EventEnvelope event(String type, String payload, Instant at) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, at, payload);
    }

    private void send(EventEnvelope envelope, String duplicateId) throws Exception {
        try (JMSContext context = broker.producerContext()) {
            send(context, envelope, duplicateId);
        }
    }

    private void send(JMSContext context, EventEnvelope envelope, String duplicateId) throws Exception {
        TextMessage message = context.createTextMessage(envelope.toJson());
        message.setJMSType(envelope.type());
        message.setStringProperty("eventId", envelope.eventId().toString());
        message.setStringProperty("_AMQ_DUPL_ID", duplicateId);
        context.createProducer().send(context.createTopic(broker.eventsTopic()), message);
    }

    private Map<UUID, Long> entriesFor(List<UUID> ids) throws Exception {
        Map<UUID, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             var s = c.prepareStatement("select source_event_id, count(*) from erp.journal_entry "
                     + "where source_event_id = any(?) group by source_event_id")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put((UUID) rs.getObject(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
