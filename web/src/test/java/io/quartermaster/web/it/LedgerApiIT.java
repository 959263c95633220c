package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The books over HTTP: who may read and post, CSV exports that agree with the JSON, and clear refusals. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerApiIT {

    private static final String PASSWORD = "ledger-keeper-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Test
    void anAccountantReadsAndAdjustsTheBooksButMovesNoStockAndStaffPostsNoEntries() throws Exception {
        String accountant = user("ACCOUNTANT");
        String staff = user("STAFF");
        assertThat(Http.get("/api/v1/ledger/trial-balance", accountant).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/ledger/reconciliation", accountant).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/ledger/lag", accountant).status()).isEqualTo(200);
        assertThat(Http.post("/api/v1/stock/adjustments", "{\"sku\":\"X\",\"location\":\"MAIN\",\"quantityDelta\":1,\"reason\":\"x\"}",
                accountant).status()).isEqualTo(403);
        String entry = "{\"description\":\"opening cash\",\"lines\":[{\"account\":\"1000\",\"debit\":100},"
                + "{\"account\":\"3000\",\"credit\":100}]}";
        assertThat(Http.post("/api/v1/ledger/journal", entry, staff).status()).isEqualTo(403);
        assertThat(Http.get("/api/v1/ledger/trial-balance", staff).status()).isEqualTo(403);
        Answer posted = Http.post("/api/v1/ledger/journal", entry, accountant);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().getString("actor")).startsWith("accountant-");

        Answer account = Http.put("/api/v1/ledger/accounts/6100", "{\"name\":\"Card fees\",\"type\":\"EXPENSE\"}", accountant);
        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        assertThat(account.json().getString("type")).isEqualTo("EXPENSE");
        assertThat(Http.put("/api/v1/ledger/accounts/6100", "{\"name\":\"Card fees\",\"type\":\"INCOME\"}", accountant)
                .status()).isEqualTo(409);
        assertThat(Http.put("/api/v1/ledger/accounts/6101", "{\"name\":\"x\",\"type\":\"FUN\"}", accountant).status())
                .isEqualTo(400);
        assertThat(Http.put("/api/v1/ledger/accounts/6102", "{\"name\":\"x\",\"type\":\"ASSET\"}", staff).status())
                .isEqualTo(403);

        Answer unbalanced = Http.post("/api/v1/ledger/journal", entry.replace("\"credit\":100", "\"credit\":90"), accountant);
        assertThat(unbalanced.status()).isEqualTo(422);
        assertThat(unbalanced.contentType()).startsWith("application/problem+json");
        Answer oneLine = Http.post("/api/v1/ledger/journal", "{\"description\":\"x\",\"lines\":[{\"account\":\"1000\",\"debit\":1}]}",
                accountant);
        assertThat(oneLine.status()).isEqualTo(400);
        assertThat(Http.get("/api/v1/ledger/journal?from=yesterday", accountant).status()).isEqualTo(400);
        assertThat(Http.post("/api/v1/ledger/periods/2025-13/close", null, accountant).status()).isEqualTo(400);
    }

    @Test
    void csvExportsParseAndAgreeWithTheJson() throws Exception {
        String accountant = user("ACCOUNTANT");
        Answer plain = Http.get("/api/v1/ledger/trial-balance", accountant);
        assertThat(plain.contentType()).as("no Accept header: JSON").startsWith("application/json");
        JsonObject json = plain.json();
        List<CSVRecord> records = csv("/api/v1/ledger/trial-balance", accountant);
        CSVRecord total = records.get(records.size() - 1);
        assertThat(total.get("account")).isEqualTo("TOTAL");
        assertThat(new BigDecimal(total.get("debit"))).isEqualByComparingTo(json.getJsonNumber("totalDebit").bigDecimalValue());
        assertThat(new BigDecimal(total.get("credit"))).isEqualByComparingTo(json.getJsonNumber("totalCredit").bigDecimalValue());
        assertThat(records).hasSize(json.getJsonArray("lines").size() + 1);

        List<CSVRecord> journal = csv("/api/v1/ledger/journal", accountant);
        BigDecimal debits = journal.stream().map(r -> new BigDecimal(r.get("debit"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = journal.stream().map(r -> new BigDecimal(r.get("credit"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(debits).isEqualByComparingTo(credits);
        assertThat(csv("/api/v1/ledger/balance-sheet", accountant)).isNotEmpty();
        assertThat(csv("/api/v1/ledger/reconciliation", accountant)).hasSize(1);
    }

    @Test
    void purchasingOverHttpRefusesNonsenseWithClearProblems() throws Exception {
        String staff = user("STAFF");
        String accountant = user("ACCOUNTANT");
        String vendor = "ACME-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(Http.put("/api/v1/erp/vendors/" + vendor, "{\"name\":\"Acme\",\"email\":\"po@acme.example\",\"leadTimeDays\":3}",
                staff).status()).isEqualTo(201);
        assertThat(Http.put("/api/v1/erp/vendors/" + vendor, "{\"name\":\"Acme Ltd\"}", staff).status()).isEqualTo(200);
        assertThat(Http.put("/api/v1/erp/vendors/X1", "{\"name\":\"x\"}", accountant).status()).isEqualTo(403);
        String sku = "PUR-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.put("/api/v1/products/" + sku, "{\"name\":\"Bought in\",\"price\":3}", staff).status()).isEqualTo(201);
        String path = "/api/v1/erp/replenishment/" + sku + "/MAIN";
        assertField(Http.put(path, "{\"reorderPoint\":5,\"maxLevel\":20,\"vendor\":\"" + vendor + "\",\"packSize\":0}", staff),
                400, "packSize");
        assertField(Http.put(path, "{\"reorderPoint\":5,\"maxLevel\":2,\"vendor\":\"" + vendor + "\"}", staff), 400, "maxLevel");
        assertThat(Http.put(path, "{\"reorderPoint\":5,\"maxLevel\":20,\"vendor\":\"NOPE\"}", staff).status()).isEqualTo(404);
        Answer setting = Http.put(path, "{\"reorderPoint\":5,\"maxLevel\":20,\"vendor\":\"" + vendor + "\",\"packSize\":5,"
                + "\"unitCost\":1.25}", staff);
        assertThat(setting.status()).as(setting.toString()).isEqualTo(200);
        assertThat(setting.json().getInt("onOrder")).as("nothing in stock: ordered up to the max").isEqualTo(20);
        Answer alerts = Http.get("/api/v1/erp/alerts?status=OPEN", accountant);
        assertThat(alerts.body()).contains(sku);
        assertThat(Http.get("/api/v1/erp/alerts?status=MAYBE", accountant).status()).isEqualTo(400);
        JsonObject po = Http.get("/api/v1/erp/purchase-orders?status=ISSUED", staff).array().getValuesAs(JsonObject.class).stream()
                .filter(o -> o.toString().contains(sku)).findFirst().orElseThrow();
        String id = po.getString("id");
        assertThat(Http.post("/api/v1/erp/purchase-orders/" + id + "/receipts",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":21}]}", staff).status()).isEqualTo(409);
        assertThat(Http.post("/api/v1/erp/purchase-orders/" + id + "/cancel", null, staff).status()).isEqualTo(200);
        assertThat(Http.post("/api/v1/erp/purchase-orders/" + id + "/receipts",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", staff).status()).isEqualTo(409);
        assertThat(Http.post("/api/v1/erp/purchase-orders/" + UUID.randomUUID() + "/receipts",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", staff).status()).isEqualTo(404);
    }

    private static void assertField(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .as(answer.body()).anyMatch(e -> e.getString("field").equals(field));
    }

    private static List<CSVRecord> csv(String path, String authorization) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(Http.base() + path))
                .header("Authorization", authorization).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
    }

    private static String user(String role) throws Exception {
        String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.post("/api/v1/admin/users", """
                {"username":"%s","password":"%s","roles":["%s"]}""".formatted(name, PASSWORD, role), Http.admin()).status())
                .isEqualTo(201);
        return Http.basic(name, PASSWORD);
    }
}
