package io.quartermaster.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quartermaster.inventory.api.AdjustStock;
import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.CountStock;
import io.quartermaster.inventory.api.HoldId;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.MovementView;
import io.quartermaster.inventory.api.PlaceHold;
import io.quartermaster.inventory.api.PutLocation;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.Shortage;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.inventory.api.StockCheck;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.inventory.api.TransferStock;
import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests of the inventory facade against the real PostgreSQL: the races that
 * would oversell, hold expiry, and moving-average costing. Every test ends by checking the
 * stock invariants over all stock.
 */
@ExtendWith(ArquillianExtension.class)
class InventoryIT {

    private static final List<String> CHANNELS = List.of("WEB", "MOBILE", "POS");
    private static final List<String> MAIN = List.of("MAIN");

    @Deployment
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Inject
    InventoryFacade inventory;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:app/jdbc/quartermaster")
    DataSource dataSource;

    @AfterEach
    void invariantsHold() {
        StockCheck check = inventory.check();
        assertTrue(check.ok(), "stock invariants: " + check.violations());
    }

    @Test
    void theLastUnitIsHeldExactlyOnceAcross200BuyersOnThreeChannels() throws Exception {
        String sku = product("LAST");
        receive(sku, "MAIN", 1, "5.00");

        List<Outcome> outcomes = race(200, i -> () -> hold(CHANNELS.get(i % 3), List.of(new CartLine(sku, 1))));

        assertEquals(1, count(outcomes, Outcome::held), "holds");
        assertEquals(199, count(outcomes, o -> o.status() == 409), "clean 409s; others: " + unexpected(outcomes));
        for (Outcome o : outcomes) {
            if (o.status() == 409) {
                assertEquals(List.of(new Shortage(sku, 1, 0)), o.shortages());
            }
        }
        StockView stock = inventory.stock(new Sku(sku));
        assertEquals(0, stock.available());
        assertEquals(1, stock.reserved());
    }

    @Test
    void tenUnitsGoToExactlyTenOf200ConcurrentBuyers() throws Exception {
        String sku = product("TEN");
        receive(sku, "MAIN", 10, "1.00");

        List<Outcome> outcomes = race(200, i -> () -> hold(CHANNELS.get(i % 3), List.of(new CartLine(sku, 1))));

        assertEquals(10, count(outcomes, Outcome::held));
        assertEquals(190, count(outcomes, o -> o.status() == 409), unexpected(outcomes));
        assertEquals(10, inventory.stock(new Sku(sku)).reserved());
        assertEquals(0, inventory.stock(new Sku(sku)).available());
    }

    @Test
    void cartsNamingTheSameSkusInOppositeOrdersNeverDeadlockOrHoldPartially() throws Exception {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String sku = product("MULTI" + i);
            receive(sku, "MAIN", 30, "1.00");
            skus.add(sku);
        }
        Random random = new Random(42);
        List<List<CartLine>> carts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            List<String> order = new ArrayList<>(skus);
            if (i % 2 == 0) {
                Collections.reverse(order);
            } else {
                Collections.shuffle(order, random);
            }
            carts.add(order.stream().map(s -> new CartLine(s, 1)).toList());
        }

        List<Outcome> outcomes = race(carts.size(), i -> () -> hold(CHANNELS.get(i % 3), carts.get(i)));

        assertEquals(30, count(outcomes, Outcome::held), "exactly the 30 carts the stock allows");
        assertEquals(30, count(outcomes, o -> o.status() == 409), "no deadlock or other error: " + unexpected(outcomes));
        for (String sku : skus) {
            assertEquals(30, inventory.stock(new Sku(sku)).reserved(), "all lines or none: " + sku);
        }
    }

    @Test
    void anExpiredHoldIsReleasedBySweeper() throws Exception {
        String sku = product("EXPIRE");
        receive(sku, "MAIN", 3, "1.00");
        HoldView hold = inventory.placeHold(new PlaceHold(null, "WEB", "it", null, MAIN,
                List.of(new CartLine(sku, 2)), Instant.now().plusMillis(800), "it"));
        assertEquals(1, inventory.stock(new Sku(sku)).available());

        Poll.until(() -> inventory.hold(new HoldId(hold.id())).orElseThrow().status(), "EXPIRED"::equals, Duration.ofSeconds(10),
                "the sweeper to expire the hold");
        assertEquals(3, inventory.stock(new Sku(sku)).available());
        assertEquals(0, inventory.stock(new Sku(sku)).reserved());
        try {
            inventory.confirmHold(new HoldId(hold.id()), "late-order", "it");
            fail("confirming an expired hold must fail");
        } catch (ProblemException e) {
            assertEquals(410, e.status());
        }
    }

    @Test
    void aConfirmRacingTheExpiryEndsWithExactlyOneOutcome() throws Exception {
        String sku = product("RACE");
        receive(sku, "MAIN", 40, "1.00");
        Instant expiry = Instant.now().plusMillis(1500);
        List<HoldView> holds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            holds.add(inventory.placeHold(new PlaceHold(null, CHANNELS.get(i % 3), "it", null, MAIN,
                    List.of(new CartLine(sku, 1)), expiry, "it")));
        }
        long wait = Duration.between(Instant.now(), expiry).toMillis() - 40;
        if (wait > 0) {
            Thread.sleep(wait);
        }

        List<Outcome> outcomes = race(holds.size(), i -> () -> {
            Thread.sleep(i % 8 * 10L); // spread the confirms across the moment of expiry
            return inventory.confirmHold(new HoldId(holds.get(i).id()), "race-" + i, "it");
        });

        Poll.until(() -> inventory.stock(new Sku(sku)).reserved(), r -> r == 0, Duration.ofSeconds(10), "every hold resolved");
        int confirmed = 0;
        for (int i = 0; i < holds.size(); i++) {
            String status = inventory.hold(new HoldId(holds.get(i).id())).orElseThrow().status();
            Outcome outcome = outcomes.get(i);
            if (outcome.held()) {
                assertEquals("CONFIRMED", status, "a successful confirm is a confirmed hold");
                confirmed++;
            } else {
                assertEquals(410, outcome.status(), "the only other outcome is 'expired': " + outcome);
                assertEquals("EXPIRED", status);
            }
        }
        assertEquals(40 - confirmed, inventory.stock(new Sku(sku)).onHand(), "one sale per confirmed hold, no more");
        assertEquals(confirmed, saleMovements(sku));
    }

    @Test
    void movingAverageCostFollowsReceiptsSalesTransfersReturnsAndCounts() throws Exception {
        String sku = product("COST");
        String store = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        inventory.putLocation(new LocationCode(store), new PutLocation("Second store"));

        assertMovement(receive(sku, "MAIN", 10, "2.00"), 10, "2.0000", "20.00");
        assertMovement(receive(sku, "MAIN", 10, "3.00"), 10, "3.0000", "30.00");
        assertLevel(sku, "MAIN", 20, "50.00", "2.5000");

        String order = "order-" + UUID.randomUUID();
        HoldView hold = hold("POS", List.of(new CartLine(sku, 4))).hold();
        inventory.confirmHold(new HoldId(hold.id()), order, "it");
        assertLevel(sku, "MAIN", 16, "40.00", "2.5000");

        List<MovementView> transfer = inventory.transfer(new TransferStock(sku, "MAIN", store, 6), "it");
        assertMovement(transfer.get(0), -6, "2.5000", "-15.00");
        assertMovement(transfer.get(1), 6, "2.5000", "15.00");
        assertLevel(sku, "MAIN", 10, "25.00", "2.5000");
        assertLevel(sku, store, 6, "15.00", "2.5000");

        receive(sku, "MAIN", 5, "4.00");
        assertLevel(sku, "MAIN", 15, "45.00", "3.0000");

        // The return comes back at the 2.50 its sale left at, not today's 3.00.
        List<MovementView> returned = inventory.returnSold(order, List.of(new CartLine(sku, 1)), "it");
        assertMovement(returned.get(0), 1, "2.5000", "2.50");
        assertLevel(sku, "MAIN", 16, "47.50", "2.9688");

        // Counted 14: two units short, at 47.50 × 2 / 16 = 5.9375 → 5.94.
        MovementView correction = inventory.count(new CountStock(sku, "MAIN", 14, "cycle count"), "it").orElseThrow();
        assertMovement(correction, -2, "2.9700", "-5.94");
        assertLevel(sku, "MAIN", 14, "41.56", "2.9686");

        // Sell out the store: quantity and value reach zero together.
        HoldView rest = inventory.placeHold(new PlaceHold(null, "WEB", "it", null, List.of(store),
                List.of(new CartLine(sku, 6)), null, "it"));
        inventory.confirmHold(new HoldId(rest.id()), "order-" + UUID.randomUUID(), "it");
        assertLevel(sku, store, 0, "0.00", "2.5000");

        // Every stock event carries its movement's value and the level's version.
        String soldEvent = outboxBody("StockSold", order);
        assertTrue(soldEvent.contains("\"value\":-10.00") || soldEvent.contains("\"value\":-10.0"), soldEvent);
        assertTrue(soldEvent.contains("\"version\""), soldEvent);
    }

    @Test
    void adjustmentsNeverGoBelowReservedAndWriteNothingWhenRefused() throws Exception {
        String sku = product("ADJ");
        receive(sku, "MAIN", 5, "1.00");
        hold("WEB", List.of(new CartLine(sku, 3)));
        long before = movements(sku);
        try {
            inventory.adjust(new AdjustStock(sku, "MAIN", -3, "damaged"), "it");
            fail("must not go below reserved");
        } catch (ProblemException e) {
            assertEquals(409, e.status());
        }
        assertEquals(before, movements(sku));
        MovementView ok = inventory.adjust(new AdjustStock(sku, "MAIN", -2, "damaged"), "it");
        assertEquals(-2, ok.quantity());
        assertEquals(0, inventory.stock(new Sku(sku)).available());
        assertEquals(3, inventory.stock(new Sku(sku)).onHand());
    }

    // ------------------------------------------------------------------ helpers

    record Outcome(HoldView hold, int status, List<Shortage> shortages, String error) {
        boolean held() {
            return status == 201;
        }
    }

    private Outcome hold(String channel, List<CartLine> lines) {
        return new Outcome(inventory.placeHold(new PlaceHold(null, channel, "it-" + channel, null, MAIN, lines,
                Instant.now().plusSeconds(600), "it")), 201, List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private List<Outcome> race(int buyers, IntFunction<Callable<?>> buyer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24, threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                Callable<?> work = buyer.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        Object result = work.call();
                        return result instanceof Outcome o ? o : new Outcome((HoldView) result, 201, List.of(), null);
                    } catch (ProblemException e) {
                        Object shortages = e.extensions().get("shortages");
                        return new Outcome(null, e.status(), shortages == null ? List.of() : (List<Shortage>) shortages,
                                e.getMessage());
                    } catch (Exception e) {
                        return new Outcome(null, 500, List.of(), e.toString());
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Outcome> outcomes, java.util.function.Predicate<Outcome> p) {
        return outcomes.stream().filter(p).count();
    }

    private static String unexpected(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.status() != 201 && o.status() != 409).map(Outcome::toString)
                .limit(3).toList().toString();
    }

    private String product(String prefix) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        inventory.putProduct(new Sku(sku), new PutProduct("Test " + prefix, new BigDecimal("9.99"), new BigDecimal("0.20")));
        return sku;
    }

    private MovementView receive(String sku, String location, int quantity, String unitCost) {
        return inventory.receive(new ReceiveStock(sku, location, quantity, new BigDecimal(unitCost), null), "it");
    }

    private static void assertMovement(MovementView m, int quantity, String unitCost, String value) {
        assertEquals(quantity, m.quantity(), "quantity of " + m);
        assertEquals(0, new BigDecimal(unitCost).compareTo(m.unitCost()), "unit cost of " + m);
        assertEquals(0, new BigDecimal(value).compareTo(m.value()), "value of " + m);
    }

    private void assertLevel(String sku, String location, int onHand, String value, String average) {
        StockView.Level level = inventory.stock(new Sku(sku)).levels().stream().filter(l -> l.location().equals(location))
                .findFirst().orElseThrow();
        assertEquals(onHand, level.onHand(), "on hand at " + location);
        assertEquals(0, new BigDecimal(value).compareTo(level.stockValue()), "value at " + location + ": " + level);
        assertEquals(0, new BigDecimal(average).compareTo(level.averageCost()), "average at " + location + ": " + level);
    }

    private long movements(String sku) throws Exception {
        return single("select count(*) from inventory.stock_movement where sku = ?", sku);
    }

    private long saleMovements(String sku) throws Exception {
        return single("select count(*) from inventory.stock_movement where kind = 'SALE' and sku = ?", sku);
    }

    private long single(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String outboxBody(String type, String reference) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select body from platform.outbox where type = ? and body like ?")) {
            s.setString(1, type);
            s.setString(2, "%" + reference + "%");
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), type + " event for " + reference);
                return rs.getString(1);
            }
        }
    }
}
