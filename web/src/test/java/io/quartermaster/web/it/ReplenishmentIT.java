package io.quartermaster.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quartermaster.erp.api.GoodsReceipt;
import io.quartermaster.erp.api.LedgerFacade;
import io.quartermaster.erp.api.NewPurchaseOrder;
import io.quartermaster.erp.api.PurchaseOrderId;
import io.quartermaster.erp.api.PutReplenishment;
import io.quartermaster.erp.api.PutVendor;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.erp.api.ReplenishmentViews.AlertView;
import io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView;
import io.quartermaster.erp.api.ReplenishmentViews.SettingView;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.orders.api.LineRequest;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderRequest;
import io.quartermaster.orders.api.PaymentRequest;
import io.quartermaster.orders.api.Seller;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.infrastructure.messaging.Broker;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Replenishment driven by real stock events: one alert and one PO per crossing, receipts, cancels, suggestions. */
@ExtendWith(ArquillianExtension.class)
class ReplenishmentIT {

    private static final List<String> CHANNELS = List.of("WEB", "MOBILE", "POS");

    @Deployment
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Inject
    ReplenishmentFacade replenishment;

    @Inject
    InventoryFacade inventory;

    @Inject
    OrderFacade orders;

    @Inject
    LedgerFacade ledger;

    @Inject
    Broker broker;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:app/jdbc/quartermaster")
    DataSource dataSource;

    @Test
    void aBurstOfSalesAcrossTheReorderPointMakesOneAlertAndOnePurchaseOrderEvenWithDuplicates() throws Exception {
        String vendor = vendor(3);
        String sku = product(20, "2.00");
        replenishment.putSetting(new Sku(sku), new LocationCode("MAIN"), new PutReplenishment(5, 30, vendor, 6, 12, new BigDecimal("2.00"), true));
        assertTrue(alerts(sku).isEmpty());

        ExecutorService pool = Executors.newFixedThreadPool(9, threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> sales = new ArrayList<>();
            for (int i = 0; i < 18; i++) {
                String channel = CHANNELS.get(i % 3);
                sales.add(pool.submit(() -> {
                    start.await();
                    return orders.placeOrder(new Seller("it-" + channel, channel, "it"),
                            new OrderRequest(List.of(new LineRequest(sku, 1)), new PaymentRequest("tok_visa"), null));
                }));
            }
            start.countDown();
            for (Future<?> f : sales) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Poll.until(() -> replenishment.setting(new Sku(sku), new LocationCode("MAIN")).available(), a -> a != null && a == 2, Duration.ofSeconds(30),
                "every sale seen");
        // Deliver every stock event of this SKU again: nothing may happen twice.
        redeliverStockEvents(sku);
        Thread.sleep(2000);

        assertEquals(1, alerts(sku).size(), "one alert however many events crossed the line");
        List<PurchaseOrderView> pos = autoOrders(sku);
        assertEquals(1, pos.size(), "one automatic PO");
        PurchaseOrderView po = pos.get(0);
        assertEquals("ISSUED", po.status());
        assertEquals(vendor, po.vendor());
        // Crossing at projected 5, 4, 3 or 2 asks for 25 to 28; in packs of 6 that is 30 every time.
        assertEquals(30, po.lines().get(0).quantity());
        SettingView setting = replenishment.setting(new Sku(sku), new LocationCode("MAIN"));
        assertEquals(30, setting.onOrder());
        assertEquals(32, setting.projected());
    }

    @Test
    void receivingPartlyThenTheRestPutsStockOnHandAtTheReceivedCostAndReconciles() throws Exception {
        String vendor = vendor(2);
        String sku = product(3, "1.00");
        replenishment.putSetting(new Sku(sku), new LocationCode("MAIN"), new PutReplenishment(5, 20, vendor, 1, 1, new BigDecimal("1.50"), true));
        PurchaseOrderView po = Poll.until(() -> autoOrders(sku), l -> l.size() == 1, Duration.ofSeconds(10), "the PO").get(0);
        assertEquals(17, po.lines().get(0).quantity());

        PurchaseOrderView partly = replenishment.receive(new PurchaseOrderId(po.id()), new GoodsReceipt(List.of(new GoodsReceipt.Line(sku, 7, null))), "it");
        assertEquals("PARTIALLY_RECEIVED", partly.status());
        ProblemException over = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, () ->
                replenishment.receive(new PurchaseOrderId(po.id()), new GoodsReceipt(List.of(new GoodsReceipt.Line(sku, 11, null))), "it"));
        assertEquals(409, over.status());
        PurchaseOrderView done = replenishment.receive(new PurchaseOrderId(po.id()),
                new GoodsReceipt(List.of(new GoodsReceipt.Line(sku, 10, new BigDecimal("1.80")))), "it");
        assertEquals("RECEIVED", done.status());
        assertEquals(20, inventory.stock(new Sku(sku)).onHand());
        // 3 × 1.00 + 7 × 1.50 + 10 × 1.80 = 31.50
        assertEquals(0, new BigDecimal("31.50").compareTo(inventory.stock(new Sku(sku)).levels().get(0).stockValue()));
        Poll.until(() -> alerts(sku).stream().allMatch(a -> a.status().equals("CLOSED")), ok -> ok, Duration.ofSeconds(10),
                "the alert closed");
        Poll.until(() -> ledger.reconciliation(), r -> r.atRest() && r.difference().signum() == 0, Duration.ofSeconds(30),
                "the receipts in the books");
        assertEquals(2, count("select count(*) from erp.journal_entry where source_type = 'StockReceived' and description like ?",
                "%" + sku + "%") - 1, "two receipts posted besides the opening one");
        ProblemException again = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, () ->
                replenishment.receive(new PurchaseOrderId(po.id()), new GoodsReceipt(List.of(new GoodsReceipt.Line(sku, 1, null))), "it"));
        assertEquals(409, again.status());
    }

    @Test
    void cancellingAnOpenPurchaseOrderLowersProjectedStockAndMayOpenAnAlert() throws Exception {
        String vendor = vendor(5);
        String sku = product(6, "1.00");
        PurchaseOrderView manual = replenishment.createPurchaseOrder(new NewPurchaseOrder(vendor,
                List.of(new NewPurchaseOrder.Line(sku, "MAIN", 10, BigDecimal.ONE))), "it");
        assertEquals("DRAFT", manual.status());
        replenishment.issue(new PurchaseOrderId(manual.id()), "it");
        replenishment.putSetting(new Sku(sku), new LocationCode("MAIN"), new PutReplenishment(8, 20, vendor, 1, 1, BigDecimal.ONE, true));
        assertEquals(16, replenishment.setting(new Sku(sku), new LocationCode("MAIN")).projected());
        assertTrue(alerts(sku).isEmpty(), "6 on hand + 10 on order is above 8");

        PurchaseOrderView cancelled = replenishment.cancel(new PurchaseOrderId(manual.id()), "it");
        assertEquals("CANCELLED", cancelled.status());
        assertEquals(6, replenishment.setting(new Sku(sku), new LocationCode("MAIN")).projected());
        assertEquals(1, alerts(sku).stream().filter(a -> a.status().equals("OPEN")).count(), "the alert opens");
        ProblemException receiveCancelled = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, () ->
                replenishment.receive(new PurchaseOrderId(manual.id()), new GoodsReceipt(List.of(new GoodsReceipt.Line(sku, 1, null))), "it"));
        assertEquals(409, receiveCancelled.status());
    }

    @Test
    void settingsRefuseNonsenseAndTheSuggestionFollowsTodaysSales() throws Exception {
        String vendor = vendor(10);
        String sku = product(50, "1.00");
        ProblemException below = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, () ->
                replenishment.putSetting(new Sku(sku), new LocationCode("MAIN"), new PutReplenishment(10, 5, vendor, 1, 1, null, true)));
        assertEquals(400, below.status());
        ProblemException unknownVendor = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, () ->
                replenishment.putSetting(new Sku(sku), new LocationCode("MAIN"), new PutReplenishment(1, 5, "NO-SUCH-VENDOR", 1, 1, null, true)));
        assertEquals(404, unknownVendor.status());

        replenishment.putSetting(new Sku(sku), new LocationCode("MAIN"), new PutReplenishment(1, 60, vendor, 1, 1, null, true));
        orders.placeOrder(new Seller("it-POS", "POS", "it"),
                new OrderRequest(List.of(new LineRequest(sku, 30)), new PaymentRequest("tok_visa"), null));
        // Only today sold, 30 units: mean 1/day, sample sigma sqrt((29 × 1 + 29²) / 29) = sqrt(30) ≈ 5.477;
        // lead 10 days at 95 %: 10 + 1.6449 × 5.477 × 3.1623 = 10 + 28.49 = 38.49 -> 39.
        SettingView setting = replenishment.setting(new Sku(sku), new LocationCode("MAIN"));
        assertEquals(39, setting.suggestedReorderPoint());
        assertEquals(39, replenishment.applySuggestion(new Sku(sku), new LocationCode("MAIN")).reorderPoint());
    }

    // ------------------------------------------------------------------ helpers

    private String vendor(int leadTimeDays) {
        String code = "V-" + UUID.randomUUID().toString().substring(0, 8);
        replenishment.putVendor(code, new PutVendor("Vendor " + code, "orders@" + code.toLowerCase() + ".example", leadTimeDays));
        return code;
    }

    private String product(int stock, String unitCost) {
        String sku = "REP-" + UUID.randomUUID().toString().substring(0, 8);
        inventory.putProduct(new Sku(sku), new PutProduct("Replenished", new BigDecimal("4.00"), new BigDecimal("0.20")));
        inventory.receive(new ReceiveStock(sku, "MAIN", stock, new BigDecimal(unitCost), "opening"), "it");
        return sku;
    }

    private List<AlertView> alerts(String sku) {
        return replenishment.alerts(null).stream().filter(a -> a.sku().equals(sku)).toList();
    }

    private List<PurchaseOrderView> autoOrders(String sku) {
        return replenishment.purchaseOrders(null).stream()
                .filter(po -> po.auto() && po.lines().stream().anyMatch(l -> l.sku().equals(sku))).toList();
    }

    private void redeliverStockEvents(String sku) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select type, event_id, body from platform.outbox "
                     + "where type like 'Stock%' and body like ?")) {
            s.setString(1, "%\"sku\":\"" + sku + "\"%");
            try (ResultSet rs = s.executeQuery(); JMSContext context = broker.producerContext()) {
                while (rs.next()) {
                    TextMessage message = context.createTextMessage(rs.getString(3));
                    message.setJMSType(rs.getString(1));
                    message.setStringProperty("eventId", rs.getString(2));
                    message.setStringProperty("_AMQ_DUPL_ID", "again-" + rs.getString(2));
                    context.createProducer().send(context.createTopic(broker.eventsTopic()), message);
                }
            }
        }
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
