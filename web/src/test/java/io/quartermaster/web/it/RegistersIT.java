package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers and their allotments (DESIGN.md §9), first step: a register is created with a key
 * of its own, sees only itself, and holds allotted units that no other channel can sell —
 * reserved under the same row locks and group commit as every other reservation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistersIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    private record Register(String code, String authorization) {
    }

    private static Register register(String name) throws Exception {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Answer created = Http.post("/api/v1/admin/registers", "{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"location\":\"MAIN\",\"offlineHours\":12}", Http.admin());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        JsonObject body = created.json();
        assertThat(body.getString("status")).isEqualTo("OPEN");
        assertThat(body.getInt("offlineHours")).isEqualTo(12);
        return new Register(code, Http.bearer(body.getString("key")));
    }

    private static Answer allot(Register register, String authorization, String sku, int target) throws Exception {
        return Http.put("/api/v1/registers/" + register.code() + "/allotments",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"target\":" + target + "}]}", authorization);
    }

    private static JsonObject line(Answer answer, String sku) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().getJsonArray("allotments").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("sku").equals(sku)).findFirst().orElseThrow();
    }

    private static JsonObject level(String sku) throws Exception {
        return Http.get("/api/v1/stock/" + sku, Http.admin()).json().getJsonArray("levels").getValuesAs(JsonObject.class)
                .stream().filter(l -> l.getString("location").equals("MAIN")).findFirst().orElseThrow();
    }

    @Test
    void allottedUnitsAreTheRegistersAloneAndATargetBeyondStockGetsWhatThereIs() throws Exception {
        Set<String> before = Invariants.violations();
        String sku = Shop.product("TILL-", "Till mug", "10.00", "0.2");
        Shop.receive(sku, 100, "2.00");
        Register till = register("Front till");

        JsonObject granted = line(allot(till, till.authorization(), sku, 30), sku);
        assertThat(granted.getInt("granted")).isEqualTo(30);
        assertThat(granted.getInt("remaining")).isEqualTo(30);
        assertThat(granted.getInt("target")).isEqualTo(30);
        assertThat(granted.getString("name")).isEqualTo("Till mug");
        assertThat(level(sku).getInt("allotted")).isEqualTo(30);
        assertThat(level(sku).getInt("available")).isEqualTo(70);

        // The web cannot sell the register's units: 71 is one too many.
        String web = Http.bearer(Shop.channelKey("till-web-" + sku, "WEB"));
        Answer tooMany = Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":71}],"
                + "\"payment\":{\"token\":\"tok_visa\"}}", web, UUID.randomUUID().toString());
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.json().getJsonArray("shortages").getJsonObject(0).getInt("available")).isEqualTo(70);
        assertThat(Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":65}],"
                + "\"payment\":{\"token\":\"tok_visa\"}}", web, UUID.randomUUID().toString()).status()).isEqualTo(201);

        // A target beyond what is available: what there is, and shortBy says the rest.
        JsonObject topped = line(allot(till, till.authorization(), sku, 50), sku);
        assertThat(topped.getInt("granted")).isEqualTo(35);
        assertThat(topped.getInt("remaining")).isEqualTo(35);
        assertThat(topped.getInt("shortBy")).isEqualTo(15);
        assertThat(level(sku).getInt("available")).isZero();

        // A lower target gives units back to every channel.
        JsonObject lowered = line(allot(till, Http.admin(), sku, 10), sku);
        assertThat(lowered.getInt("remaining")).isEqualTo(10);
        assertThat(lowered.getInt("returned")).isEqualTo(25);
        assertThat(lowered.containsKey("shortBy")).isFalse();
        assertThat(level(sku).getInt("available")).isEqualTo(25);
        assertThat(level(sku).getInt("reserved")).isEqualTo(10);
        Invariants.noneBeyond(before);
    }

    @Test
    void aRegisterSeesOnlyItselfAndOnlyAdminsCreateRegisters() throws Exception {
        String sku = Shop.product("SEE-", "Seen mug", "5.00", "0.2");
        Shop.receive(sku, 10, "1.00");
        Register mine = register("Mine");
        Register other = register("Other");
        assertThat(Http.get("/api/v1/registers/" + mine.code(), mine.authorization()).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/registers/" + mine.code(), other.authorization()).status()).isEqualTo(404);
        assertThat(allot(mine, other.authorization(), sku, 1).status()).isEqualTo(404);
        String pos = Http.bearer(Shop.channelKey("see-pos-" + sku, "POS"));
        assertThat(Http.get("/api/v1/registers/" + mine.code(), pos).status()).as("a POS client that is not the register")
                .isEqualTo(404);
        assertThat(Http.get("/api/v1/registers", mine.authorization()).status()).as("the list is for staff").isEqualTo(403);
        assertThat(Http.get("/api/v1/registers", Http.admin()).array().getValuesAs(JsonObject.class))
                .anySatisfy(r -> assertThat(r.getString("code")).isEqualTo(mine.code()));
        assertThat(level(sku).getInt("reserved")).as("nothing allotted by the refused calls").isZero();

        String staff = Http.bearer(Shop.staffKey("registers-staff-" + sku));
        assertThat(Http.post("/api/v1/admin/registers", "{\"code\":\"NOPE1\",\"name\":\"x\",\"location\":\"MAIN\"}", staff)
                .status()).isEqualTo(403);
        Answer twice = Http.post("/api/v1/admin/registers", "{\"code\":\"" + mine.code() + "\",\"name\":\"again\","
                + "\"location\":\"MAIN\"}", Http.admin());
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        Answer nowhere = Http.post("/api/v1/admin/registers", "{\"code\":\"NOWHERE1\",\"name\":\"x\",\"location\":\"MOON\"}",
                Http.admin());
        assertThat(nowhere.status()).as(nowhere.toString()).isEqualTo(404);
        Answer badCode = Http.post("/api/v1/admin/registers", "{\"code\":\"lower case\",\"name\":\"x\",\"location\":\"MAIN\","
                + "\"offlineHours\":500}", Http.admin());
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body()).contains("\"code\"", "\"offlineHours\"");
        Answer twiceInOne = Http.put("/api/v1/registers/" + mine.code() + "/allotments", "{\"lines\":[{\"sku\":\"" + sku
                + "\",\"target\":1},{\"sku\":\"" + sku + "\",\"target\":2}]}", mine.authorization());
        assertThat(twiceInOne.status()).isEqualTo(400);
        assertThat(twiceInOne.body()).contains("lines[1].sku");
        Answer unknown = allot(mine, mine.authorization(), "NO-SUCH-SKU", 1);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(level(sku).getInt("reserved")).as("nothing half-written").isZero();
    }

    @Test
    void webBuyersAndThreeRegistersRacingForAHundredUnitsNeverOversell() throws Exception {
        Set<String> before = Invariants.violations();
        String sku = Shop.product("RACE-", "Raced mug", "10.00", "0.2");
        Shop.receive(sku, 100, "2.00");
        List<Register> tills = List.of(register("A"), register("B"), register("C"));
        String web = Http.bearer(Shop.channelKey("race-web-" + sku, "WEB"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(() -> Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                    + "\"payment\":{\"token\":\"tok_visa\"}}", web, UUID.randomUUID().toString()));
        }
        for (Register till : tills) {
            for (int target : new int[] {10, 25, 40}) {
                calls.add(() -> allot(till, till.authorization(), sku, target));
            }
        }
        java.util.Collections.shuffle(calls);
        int sold = 0;
        for (Future<Answer> f : pool.invokeAll(calls)) {
            Answer a = f.get();
            assertThat(a.status()).as(a.toString()).isIn(200, 201, 409);
            if (a.status() == 201) {
                sold++;
            }
        }
        pool.shutdown();
        int allotted = 0;
        for (Register till : tills) {
            JsonObject view = Http.get("/api/v1/registers/" + till.code(), till.authorization()).json();
            allotted += view.getJsonArray("allotments").getValuesAs(JsonObject.class).stream()
                    .mapToInt(a -> a.getInt("remaining")).sum();
        }
        JsonObject level = level(sku);
        assertThat(sold + allotted).as("web sold " + sold + ", registers hold " + allotted).isLessThanOrEqualTo(100);
        assertThat(level.getInt("onHand")).isEqualTo(100 - sold);
        assertThat(level.getInt("allotted")).isEqualTo(allotted);
        assertThat(level.getInt("reserved")).as("reserved is the registers' units").isEqualTo(allotted);

        // Each register sells exactly what it holds, from its allotment: stock and reservations follow.
        int registersSold = 0;
        for (Register till : tills) {
            JsonObject view = Http.get("/api/v1/registers/" + till.code(), till.authorization()).json();
            int holds = view.getJsonArray("allotments").getValuesAs(JsonObject.class).stream()
                    .mapToInt(a -> a.getInt("remaining")).sum();
            if (holds == 0) {
                continue;
            }
            Answer answer = Http.post("/api/v1/registers/" + till.code() + "/sales", "{\"sales\":[{\"id\":\"" + UUID.randomUUID()
                    + "\",\"seq\":1,\"soldAt\":\"2026-12-01T12:00:00Z\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":"
                    + holds + ",\"unitPrice\":10}],\"tender\":{\"type\":\"CASH\"}}]}", till.authorization());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().getJsonArray("results").getJsonObject(0).getString("status")).isEqualTo("RECORDED");
            registersSold += holds;
        }
        assertThat(registersSold).as("the registers sold exactly their allotments").isEqualTo(allotted);
        level = level(sku);
        assertThat(level.getInt("onHand")).isEqualTo(100 - sold - allotted);
        assertThat(level.getInt("reserved")).isZero();
        assertThat(sold + registersSold).as("never more than the 100 units").isLessThanOrEqualTo(100);
        Invariants.noneBeyond(before);
    }

    @Test
    void aPairingCodeHandsItsRegisterToOneDeviceOnceAndTheOldKeyStopsWorking() throws Exception {
        sql("delete from platform.sign_in_failure where username_key like 'code@%'");
        Register till = register("Paired");
        Answer shown = Http.post("/api/v1/registers/" + till.code() + "/pairing-codes", null, Http.admin());
        assertThat(shown.status()).as(shown.toString()).isEqualTo(201);
        String code = shown.json().getString("pairingCode");
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(shown.json().getString("pairUrl")).endsWith("/register/?pair=" + code);
        assertThat(java.time.Instant.parse(shown.json().getString("expiresAt")))
                .isBetween(java.time.Instant.now().plusSeconds(200), java.time.Instant.now().plusSeconds(400));
        assertThat(Http.post("/api/v1/registers/" + till.code() + "/pairing-codes", null, till.authorization()).status())
                .as("a register does not pair itself").isEqualTo(403);

        // Typed on a tablet: lower case, no dash, no credential.
        Answer paired = Http.post("/api/v1/registers/pair", "{\"pairingCode\":\"" + code.toLowerCase().replace("-", "")
                + "\"}", null);
        assertThat(paired.status()).as(paired.toString()).isEqualTo(200);
        assertThat(paired.header("Cache-Control")).isEqualTo("no-store");
        assertThat(paired.json().getString("code")).isEqualTo(till.code());
        assertThat(paired.json().getString("location")).isEqualTo("MAIN");
        String device = Http.bearer(paired.json().getString("key"));
        assertThat(Http.get("/api/v1/registers/" + till.code(), device).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/registers/" + till.code(), till.authorization()).status())
                .as("the register's previous key is revoked").isEqualTo(401);
        assertThat(Http.post("/api/v1/registers/pair", "{\"pairingCode\":\"" + code + "\"}", null).status())
                .as("a code is spent once").isEqualTo(404);

        String late = Http.post("/api/v1/registers/" + till.code() + "/pairing-codes", null, Http.admin()).json()
                .getString("pairingCode");
        sql("update orders.register_pairing set expires_at = now() - interval '1 second' where register_code = '"
                + till.code() + "' and used_at is null");
        assertThat(Http.post("/api/v1/registers/pair", "{\"pairingCode\":\"" + late + "\"}", null).status())
                .as("an expired code").isEqualTo(404);

        // Guessing is throttled per address like sign-in: after five wrong codes even a right one waits.
        String right = Http.post("/api/v1/registers/" + till.code() + "/pairing-codes", null, Http.admin()).json()
                .getString("pairingCode");
        sql("delete from platform.sign_in_failure where username_key like 'code@%'");
        for (int i = 0; i < 5; i++) {
            assertThat(Http.post("/api/v1/registers/pair", "{\"pairingCode\":\"ZZZZ-ZZZ" + i + "\"}", null).status())
                    .isEqualTo(404);
        }
        Answer blocked = Http.post("/api/v1/registers/pair", "{\"pairingCode\":\"" + right + "\"}", null);
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
        sql("delete from platform.sign_in_failure where username_key like 'code@%'");
        assertThat(Http.post("/api/v1/registers/pair", "{\"pairingCode\":\"" + right + "\"}", null).status())
                .as("the right code still works once the block is lifted").isEqualTo(200);
        assertThat(Http.post("/api/v1/registers/pair", "{}", null).status()).isEqualTo(400);
    }

    private static void sql(String statement) throws Exception {
        try (java.sql.Connection c = TestServices.connect(); var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
