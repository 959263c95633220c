package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A register's sales reaching the server (DESIGN.md §9 "Settlement"): each recorded exactly once
 * however often it is sent, from the register's allotment first, then from free stock, else
 * refused alone as a discrepancy; a register closes only when no sale is missing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegisterSalesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    private record Till(String code, String authorization) {
    }

    private static Till till(String sku, int allotment) throws Exception {
        String code = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Answer created = Http.post("/api/v1/admin/registers", "{\"code\":\"" + code + "\",\"name\":\"Till " + code
                + "\",\"location\":\"MAIN\"}", Http.admin());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Till till = new Till(code, Http.bearer(created.json().getString("key")));
        Answer allotted = Http.put("/api/v1/registers/" + code + "/allotments",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"target\":" + allotment + "}]}", till.authorization());
        assertThat(allotted.status()).as(allotted.toString()).isEqualTo(200);
        return till;
    }

    private static String sale(UUID id, long seq, String sku, int quantity, String unitPrice, String tender) {
        return "{\"id\":\"" + id + "\",\"seq\":" + seq + ",\"soldAt\":\"2026-11-30T15:04:05Z\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + unitPrice + "}],\"tender\":" + tender
                + ",\"cashier\":\"Ann\"}";
    }

    private static String cash(UUID id, long seq, String sku, int quantity) {
        return sale(id, seq, sku, quantity, "10.00", "{\"type\":\"CASH\"}");
    }

    private static Answer send(Till till, List<String> sales) throws Exception {
        return Http.post("/api/v1/registers/" + till.code() + "/sales", "{\"sales\":[" + String.join(",", sales) + "]}",
                till.authorization());
    }

    private static List<JsonObject> results(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().getJsonArray("results").getValuesAs(JsonObject.class);
    }

    private static JsonObject level(String sku) throws Exception {
        return Http.get("/api/v1/stock/" + sku, Http.admin()).json().getJsonArray("levels").getValuesAs(JsonObject.class)
                .stream().filter(l -> l.getString("location").equals("MAIN")).findFirst().orElseThrow();
    }

    @Test
    void aBatchOfSalesSentTwiceIsRecordedOnceAndBooksOneEntryPerSale() throws Exception {
        Set<String> before = Invariants.violations();
        String sku = Shop.product("TILL-", "Till mug", "10.00", "0.2");
        Shop.receive(sku, 50, "2.00");
        Till till = till(sku, 30);
        List<UUID> ids = new ArrayList<>();
        List<String> sales = new ArrayList<>();
        for (int seq = 1; seq <= 20; seq++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            sales.add(seq == 5 ? sale(id, seq, sku, 1, "9.00", "{\"type\":\"CASH\"}") : cash(id, seq, sku, 1));
        }

        List<JsonObject> first = results(send(till, sales));
        assertThat(first).extracting(r -> r.getString("status")).containsOnly("RECORDED");
        List<String> orders = first.stream().map(r -> r.getString("orderId")).toList();
        assertThat(Set.copyOf(orders)).hasSize(20);

        // The same batch again, and a request carrying one sale twice: nothing more happens.
        Answer again = send(till, sales);
        assertThat(results(again)).extracting(r -> r.getString("status")).containsOnly("ALREADY_RECORDED");
        assertThat(results(again)).extracting(r -> r.getString("orderId")).containsExactlyElementsOf(orders);
        List<JsonObject> twice = results(send(till, List.of(sales.get(3), sales.get(3))));
        assertThat(twice).extracting(r -> r.getString("status")).containsOnly("ALREADY_RECORDED");
        // A sale reusing a number taken by another is refused alone.
        List<JsonObject> clash = results(send(till, List.of(cash(UUID.randomUUID(), 7, sku, 1))));
        assertThat(clash.get(0).getString("status")).isEqualTo("REFUSED");
        assertThat(clash.get(0).getJsonObject("problem").getString("detail")).contains("seq 7");

        JsonObject register = again.json().getJsonObject("register");
        assertThat(register.getJsonNumber("lastSeq").longValue()).isEqualTo(20);
        assertThat(register.getJsonArray("missingSeqs")).isEmpty();
        JsonObject allotment = register.getJsonArray("allotments").getJsonObject(0);
        assertThat(allotment.getInt("sold")).isEqualTo(20);
        assertThat(allotment.getInt("remaining")).isEqualTo(10);
        JsonObject level = level(sku);
        assertThat(level.getInt("onHand")).isEqualTo(30);
        assertThat(level.getInt("reserved")).as("what the register still holds").isEqualTo(10);
        assertThat(TestServices.scalar("select count(*) from orders.customer_order where register = '" + till.code() + "'")).isEqualTo(20);
        assertThat(TestServices.scalar("select count(*) from inventory.stock_movement m join orders.customer_order o "
                + "on m.reference = o.id::text where o.register = '" + till.code() + "'")).as("one movement per line").isEqualTo(20);

        // The order of a sale: channel POS, the register's code, the price it charged (flagged when not the catalogue's).
        JsonObject fifth = Http.get("/api/v1/orders/" + orders.get(4), Http.admin()).json();
        assertThat(fifth.getString("channel")).isEqualTo("POS");
        assertThat(fifth.getString("register")).isEqualTo(till.code());
        JsonObject line = fifth.getJsonArray("lines").getJsonObject(0);
        assertThat(line.getJsonNumber("unitPrice").bigDecimalValue()).isEqualByComparingTo("9.00");
        assertThat(line.getJsonNumber("cataloguePrice").bigDecimalValue()).isEqualByComparingTo("10.00");
        assertThat(fifth.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("10.80");

        // Returned like any order: the units come back to the location's free stock.
        Answer returned = Http.post("/api/v1/orders/" + orders.get(0) + "/cancel", null, Http.admin());
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(level(sku).getInt("onHand")).isEqualTo(31);

        // The books: one sale entry per sale, none twice.
        String mine = "o.register = '" + till.code() + "'";
        Poll.until(() -> TestServices.scalar("select count(*) from erp.journal_entry e join orders.customer_order o "
                + "on e.description like '%' || o.id::text || '%' where e.source_type = 'OrderPlaced' and " + mine),
                n -> n == 20, Duration.ofSeconds(30), "one sale entry per recorded sale");
        assertThat(TestServices.scalar("select count(*) from (select o.id from erp.journal_entry e join orders.customer_order o "
                + "on e.description like '%' || o.id::text || '%' where e.source_type = 'OrderPlaced' and " + mine
                + " group by o.id having count(*) > 1) d")).isZero();
        // Dated the day the register sold them (offline perhaps), not the day they arrived: revenue and cost alike.
        assertThat(TestServices.scalar("select count(*) from erp.journal_entry e join orders.customer_order o "
                + "on e.description like '%' || o.id::text || '%' where e.entry_date = date '2026-11-30' and " + mine)).isEqualTo(20);
        Poll.until(() -> TestServices.scalar("select count(*) from erp.journal_entry where description = 'Cost of 1 × " + sku + " sold' "
                + "and entry_date = date '2026-11-30'"), n -> n == 20, Duration.ofSeconds(30),
                "the cost of each sale dated the day it was sold");
        Invariants.noneBeyond(before);
    }

    @Test
    void aSaleBeyondTheAllotmentTakesFreeStockElseItIsRefusedAloneAsADiscrepancy() throws Exception {
        Set<String> before = Invariants.violations();
        String sku = Shop.product("SHORT-", "Short mug", "10.00", "0.2");
        Shop.receive(sku, 5, "2.00");
        Till till = till(sku, 2);
        UUID refused = UUID.randomUUID();
        List<String> sales = List.of(cash(UUID.randomUUID(), 1, sku, 2), cash(UUID.randomUUID(), 2, sku, 3),
                cash(refused, 3, sku, 1), cash(UUID.randomUUID(), 4, sku + "-NONE", 1));
        List<JsonObject> results = results(send(till, sales));
        assertThat(results).extracting(r -> r.getString("status")).containsExactly("RECORDED", "RECORDED", "REFUSED", "REFUSED");
        JsonObject problem = results.get(2).getJsonObject("problem");
        assertThat(problem.getString("title")).isEqualTo("Insufficient stock");
        assertThat(problem.getJsonArray("shortages").getJsonObject(0).getString("sku")).isEqualTo(sku);
        assertThat(results.get(3).getJsonObject("problem").getString("title")).isEqualTo("Unknown SKU");
        JsonObject level = level(sku);
        assertThat(level.getInt("onHand")).isZero();
        assertThat(level.getInt("reserved")).isZero();

        // Sent again, a refused sale answers as it did and changes nothing; the register's numbers have no gap.
        List<JsonObject> again = results(send(till, List.of(cash(refused, 3, sku, 1))));
        assertThat(again.get(0).getString("status")).isEqualTo("REFUSED");
        assertThat(again.get(0).getJsonObject("problem").getString("title")).isEqualTo("Insufficient stock");
        assertThat(TestServices.scalar("select count(*) from orders.register_sale where register_code = '" + till.code()
                + "' and status = 'REFUSED'")).isEqualTo(2);
        JsonObject register = Http.get("/api/v1/registers/" + till.code(), till.authorization()).json();
        assertThat(register.getJsonNumber("lastSeq").longValue()).isEqualTo(4);
        assertThat(register.getJsonArray("missingSeqs")).isEmpty();
        Invariants.noneBeyond(before);
    }

    @Test
    void aRegisterClosesOnlyWhenNoSaleIsMissingAndThenGivesItsRemainderBack() throws Exception {
        Set<String> before = Invariants.violations();
        String sku = Shop.product("CLOSE-", "Closing mug", "10.00", "0.2");
        Shop.receive(sku, 10, "2.00");
        Till till = till(sku, 8);
        UUID third = UUID.randomUUID();
        results(send(till, List.of(cash(UUID.randomUUID(), 1, sku, 1), cash(UUID.randomUUID(), 2, sku, 1),
                cash(UUID.randomUUID(), 4, sku, 1))));
        Answer gap = Http.post("/api/v1/registers/" + till.code() + "/close", "{\"lastSeq\":4}", till.authorization());
        assertThat(gap.status()).as(gap.toString()).isEqualTo(409);
        assertThat(gap.json().getJsonArray("missingSeqs").getJsonNumber(0).longValue()).isEqualTo(3);
        assertThat(level(sku).getInt("reserved")).as("nothing goes back while a sale is missing").isEqualTo(5);
        Answer tooLow = Http.post("/api/v1/registers/" + till.code() + "/close", "{\"lastSeq\":2}", till.authorization());
        assertThat(tooLow.status()).as(tooLow.toString()).isEqualTo(400);
        assertThat(tooLow.body()).contains("lastSeq");

        results(send(till, List.of(cash(third, 3, sku, 1))));
        Answer closed = Http.post("/api/v1/registers/" + till.code() + "/close", "{\"lastSeq\":4}", till.authorization());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().getString("status")).isEqualTo("CLOSED");
        JsonObject level = level(sku);
        assertThat(level.getInt("onHand")).isEqualTo(6);
        assertThat(level.getInt("reserved")).as("the unsold remainder is available again").isZero();
        Answer late = send(till, List.of(cash(UUID.randomUUID(), 5, sku, 1)));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        Invariants.noneBeyond(before);
    }

    @Test
    void aLostRegistersUnitsAreGivenBackByACountNotOnAGuessAndItsLateSalesMoveNoStock() throws Exception {
        Set<String> before = Invariants.violations();
        String sku = Shop.product("LOST-", "Lost mug", "10.00", "0.2");
        Shop.receive(sku, 10, "2.00");
        Till till = till(sku, 5);
        results(send(till, List.of(cash(UUID.randomUUID(), 1, sku, 2))));
        // The tablet is gone; it had sold 2 more offline that never arrived (seq 2 and 3).
        Answer byTheRegister = Http.post("/api/v1/registers/" + till.code() + "/close", "{\"lost\":true}", till.authorization());
        assertThat(byTheRegister.status()).as("only staff close a register as lost").isEqualTo(403);
        Answer lost = Http.post("/api/v1/registers/" + till.code() + "/close", "{\"lost\":true}", Http.admin());
        assertThat(lost.status()).as(lost.toString()).isEqualTo(200);
        assertThat(lost.json().getString("status")).isEqualTo("LOST");
        JsonObject level = level(sku);
        assertThat(level.getInt("reserved")).as("its 3 units are not handed back on a guess").isEqualTo(3);
        assertThat(level.getInt("available")).isEqualTo(5);
        assertThat(Http.put("/api/v1/registers/" + till.code() + "/allotments", "{\"lines\":[{\"sku\":\"" + sku
                + "\",\"target\":5}]}", Http.admin()).status()).as("a lost register takes no units").isEqualTo(409);

        // Staff count the shelf: 6 are there (8 on the books, 2 went with the lost register's offline sales).
        Answer counted = Http.post("/api/v1/stock/counts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\","
                + "\"countedQuantity\":6,\"reason\":\"register lost\"}", Http.admin());
        assertThat(counted.status()).as(counted.toString()).isIn(200, 201);
        level = level(sku);
        assertThat(level.getInt("onHand")).isEqualTo(6);
        assertThat(level.getInt("reserved")).as("the count gave the lost register's units back").isZero();
        assertThat(level.getInt("available")).isEqualTo(6);

        // The tablet turns up and sends its two offline sales: kept for their money, no stock moves.
        List<JsonObject> late = results(send(till, List.of(cash(UUID.randomUUID(), 2, sku, 1), cash(UUID.randomUUID(), 3, sku, 1))));
        assertThat(late).extracting(r -> r.getString("status")).containsOnly("REFUSED");
        assertThat(late.get(0).getJsonObject("problem").getString("title")).isEqualTo("Register lost");
        assertThat(level(sku).getInt("onHand")).isEqualTo(6);
        assertThat(TestServices.scalar("select count(*) from orders.register_sale where register_code = '" + till.code()
                + "' and status = 'REFUSED' and total = 12.00")).isEqualTo(2);
        Invariants.noneBeyond(before);
    }

    @Test
    void aCardTakenOfflineIsCapturedOnArrivalAndADeclineKeepsTheSale() throws Exception {
        String sku = Shop.product("CARD-", "Card mug", "10.00", "0.2");
        Shop.receive(sku, 10, "2.00");
        Till till = till(sku, 5);
        List<JsonObject> results = results(send(till, List.of(
                sale(UUID.randomUUID(), 1, sku, 1, "10.00", "{\"type\":\"CARD\",\"token\":\"tok_visa\"}"),
                sale(UUID.randomUUID(), 2, sku, 1, "10.00", "{\"type\":\"CARD\",\"token\":\"tok_decline\"}"))));
        assertThat(results).extracting(r -> r.getString("status")).containsExactly("RECORDED", "RECORDED");
        assertThat(results).extracting(r -> r.getString("payment")).containsExactly("CAPTURED", "DECLINED");
        assertThat(level(sku).getInt("onHand")).as("the goods are gone either way").isEqualTo(8);
        String declined = results.get(1).getString("orderId");
        Poll.until(() -> TestServices.scalar("select count(*) from erp.journal_line l join erp.journal_entry e on e.id = l.entry_id "
                + "where e.description like '%" + declined + "%owed by the customer' and l.account = '1100' "
                + "and l.debit = 12.00"), n -> n == 1, Duration.ofSeconds(30), "the declined card's total owed by the customer");

        Answer noToken = send(till, List.of(sale(UUID.randomUUID(), 3, sku, 1, "10.00", "{\"type\":\"CARD\"}")));
        assertThat(noToken.status()).as(noToken.toString()).isEqualTo(400);
        assertThat(noToken.body()).contains("sales[0].tender.token");
    }

    @Test
    void theSuggestedTargetIsTheLocationsDailySalesPerOpenRegisterTimesTheOfflineWindow() throws Exception {
        String location = "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(Http.put("/api/v1/locations/" + location, "{\"name\":\"Kiosk " + location + "\"}", Http.admin()).status())
                .isIn(200, 201);
        String sku = Shop.product("RATE-", "Rate mug", "10.00", "0.2");
        assertThat(Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"" + location
                + "\",\"quantity\":100,\"unitCost\":2,\"reference\":\"r\"}", Http.admin()).status()).isEqualTo(201);
        String code = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Answer created = Http.post("/api/v1/admin/registers", "{\"code\":\"" + code + "\",\"name\":\"Kiosk till\","
                + "\"location\":\"" + location + "\",\"offlineHours\":48}", Http.admin());
        Till till = new Till(code, Http.bearer(created.json().getString("key")));
        // 56 units sold today at the location (from free stock: the register holds nothing yet) = 2 a day over 28 days.
        List<JsonObject> sold = results(send(till, List.of(cash(UUID.randomUUID(), 1, sku, 56))));
        assertThat(sold.get(0).getString("status")).isEqualTo("RECORDED");
        Answer allotted = Http.put("/api/v1/registers/" + code + "/allotments",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"target\":1}]}", till.authorization());
        JsonObject line = allotted.json().getJsonArray("allotments").getJsonObject(0);
        assertThat(line.getInt("suggestedTarget")).as("2 a day for its one register × 48 hours").isEqualTo(4);
    }

    @Test
    void onlyTheRegisterItselfSendsItsSales() throws Exception {
        String sku = Shop.product("OWN-", "Own mug", "10.00", "0.2");
        Shop.receive(sku, 10, "2.00");
        Till mine = till(sku, 2);
        Till other = till(sku, 2);
        String body = "{\"sales\":[" + cash(UUID.randomUUID(), 1, sku, 1) + "]}";
        assertThat(Http.post("/api/v1/registers/" + mine.code() + "/sales", body, other.authorization()).status()).isEqualTo(404);
        assertThat(Http.post("/api/v1/registers/" + mine.code() + "/sales", body, Http.admin()).status()).isEqualTo(403);
        Answer bad = Http.post("/api/v1/registers/" + mine.code() + "/sales", "{\"sales\":[" + cash(UUID.randomUUID(), 0, sku, 1)
                + "]}", mine.authorization());
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("sales[0].seq");
        assertThat(level(sku).getInt("onHand")).isEqualTo(10);
    }
}
