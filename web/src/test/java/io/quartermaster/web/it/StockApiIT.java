package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catalogue and stock REST API as a client sees it: answers, roles, and bad input refused with nothing written. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StockApiIT {

    private static final String PASSWORD = "stock-keeper-password";
    private String staff;
    private String sku;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @BeforeEach
    void staffAndProduct() throws Exception {
        String name = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.post("/api/v1/admin/users", """
                {"username":"%s","password":"%s","roles":["STAFF"]}""".formatted(name, PASSWORD), Http.admin()).status())
                .isEqualTo(201);
        staff = Http.basic(name, PASSWORD);
        sku = "API-" + UUID.randomUUID().toString().substring(0, 8);
        Answer created = Http.put("/api/v1/products/" + sku, "{\"name\":\"Blue mug\",\"price\":12.5,\"taxRate\":0.2}", staff);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("12.50");
    }

    @AfterEach
    void invariantsHold() throws Exception {
        Answer check = Http.get("/api/v1/admin/stock-checks", Http.admin());
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().getJsonArray("violations")).as(check.body()).isEmpty();
    }

    @Test
    void receiveAdjustTransferAndReadStockThroughTheApi() throws Exception {
        assertThat(Http.put("/api/v1/products/" + sku, "{\"name\":\"Blue mug, large\",\"price\":13}", staff).status())
                .isEqualTo(200);
        assertThat(Http.put("/api/v1/locations/BACK", "{\"name\":\"Back room\"}", staff).status()).isIn(200, 201);

        Answer receipt = Http.post("/api/v1/stock/receipts",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":10,\"unitCost\":4.25,\"reference\":\"PO-1\"}", staff);
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        assertThat(receipt.json().getString("kind")).isEqualTo("RECEIPT");
        assertThat(receipt.json().getString("actor")).startsWith("staff-");

        Answer adjustment = Http.post("/api/v1/stock/adjustments",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantityDelta\":-1,\"reason\":\"broken\"}", staff);
        assertThat(adjustment.status()).isEqualTo(201);
        Answer transfer = Http.post("/api/v1/stock/transfers",
                "{\"sku\":\"" + sku + "\",\"fromLocation\":\"MAIN\",\"toLocation\":\"BACK\",\"quantity\":4}", staff);
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);

        JsonObject stock = Http.get("/api/v1/stock/" + sku, staff).json();
        assertThat(stock.getInt("onHand")).isEqualTo(9);
        assertThat(stock.getInt("available")).isEqualTo(9);
        assertThat(stock.getJsonArray("levels")).hasSize(2);

        Answer movements = Http.get("/api/v1/stock/" + sku + "/movements?page=0&size=2", staff);
        assertThat(movements.json().getJsonArray("items")).hasSize(2);
        assertThat(movements.json().getInt("total")).isEqualTo(4);
        assertThat(movements.json().getJsonArray("items").getJsonObject(0).getString("kind")).isEqualTo("TRANSFER_IN");

        // A storefront sees what its channel can sell: WEB sells from MAIN only.
        String web = webClientKey();
        JsonObject product = Http.get("/api/v1/products/" + sku, Http.bearer(web)).json();
        assertThat(product.getInt("available")).isEqualTo(5);
        assertThat(product.getString("name")).isEqualTo("Blue mug, large");
    }

    @Test
    void badInputIsRefusedWithAClearProblemAndWritesNothing() throws Exception {
        long before = movements();
        assertProblem(Http.post("/api/v1/stock/receipts",
                "{\"sku\":\"NOPE-" + UUID.randomUUID() + "\",\"location\":\"MAIN\",\"quantity\":1,\"unitCost\":1}", staff), 404, null);
        assertProblem(Http.post("/api/v1/stock/receipts",
                "{\"sku\":\"" + sku + "\",\"location\":\"NOWHERE\",\"quantity\":1,\"unitCost\":1}", staff), 404, null);
        assertProblem(Http.post("/api/v1/stock/receipts",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":0,\"unitCost\":1}", staff), 400, "quantity");
        assertProblem(Http.post("/api/v1/stock/receipts",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":-3,\"unitCost\":1}", staff), 400, "quantity");
        assertProblem(Http.post("/api/v1/stock/receipts",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":1}", staff), 400, "unitCost");
        assertProblem(Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",", staff), 400, null);
        Answer sneaky = Http.post("/api/v1/stock/receipts",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":1,\"unitCost\":1,\"onHand\":1000}", staff);
        assertProblem(sneaky, 400, null);
        assertThat(sneaky.json().getString("detail")).contains("onHand");
        assertProblem(Http.post("/api/v1/stock/adjustments",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantityDelta\":-1,\"reason\":\"lost\"}", staff), 409, null);
        assertProblem(Http.post("/api/v1/stock/adjustments",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantityDelta\":0,\"reason\":\"x\"}", staff), 400, "quantityDelta");
        assertProblem(Http.post("/api/v1/stock/adjustments",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantityDelta\":2}", staff), 400, "reason");
        assertProblem(Http.post("/api/v1/stock/transfers",
                "{\"sku\":\"" + sku + "\",\"fromLocation\":\"MAIN\",\"toLocation\":\"MAIN\",\"quantity\":1}", staff), 400, "toLocation");
        assertProblem(Http.put("/api/v1/products/" + sku, "{\"name\":\"\",\"price\":-1}", staff), 400, "name");
        assertProblem(Http.put("/api/v1/products/bad%20sku", "{\"name\":\"x\",\"price\":1}", staff), 400, "sku");
        assertProblem(Http.get("/api/v1/stock/NOPE-" + UUID.randomUUID(), staff), 404, null);
        assertProblem(Http.get("/api/v1/stock/" + sku + "/movements?size=100000", staff), 400, "size");
        assertThat(movements()).as("nothing written by refused requests").isEqualTo(before);
    }

    @Test
    void rolesAreEnforcedOnCatalogueAndStock() throws Exception {
        String web = webClientKey();
        assertThat(Http.post("/api/v1/stock/receipts",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":1,\"unitCost\":1}", Http.bearer(web)).status())
                .isEqualTo(403);
        assertThat(Http.put("/api/v1/products/" + sku, "{\"name\":\"x\",\"price\":1}", Http.bearer(web)).status()).isEqualTo(403);
        assertThat(Http.get("/api/v1/stock/" + sku, Http.bearer(web)).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/admin/stock-checks", staff).status()).isEqualTo(403);
        assertThat(Http.get("/api/v1/products/" + sku, null).status()).isEqualTo(401);

        String accountant = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        Http.post("/api/v1/admin/users", """
                {"username":"%s","password":"%s","roles":["ACCOUNTANT"]}""".formatted(accountant, PASSWORD), Http.admin());
        assertThat(Http.post("/api/v1/stock/adjustments",
                "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantityDelta\":1,\"reason\":\"x\"}",
                Http.basic(accountant, PASSWORD)).status()).isEqualTo(403);
        assertThat(Http.get("/api/v1/stock/" + sku + "/movements", Http.basic(accountant, PASSWORD)).status()).isEqualTo(200);
    }

    private static String webClientKey() throws Exception {
        Answer client = Http.post("/api/v1/admin/api-clients", "{\"name\":\"web\",\"role\":\"CHANNEL\",\"channel\":\"WEB\"}",
                Http.admin());
        return client.json().getString("key");
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.");
        if (field != null) {
            assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                    .as(answer.body()).anyMatch(e -> e.getString("field").equals(field));
        }
    }

    private long movements() throws Exception {
        try (Connection c = TestServices.connect();
             PreparedStatement s = c.prepareStatement("select count(*) from inventory.stock_movement where sku = ?")) {
            s.setString(1, sku);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
