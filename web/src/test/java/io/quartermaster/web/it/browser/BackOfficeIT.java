package io.quartermaster.web.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quartermaster.web.it.Deployments;
import io.quartermaster.web.it.Http;
import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonObject;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The back office in a real browser (headless Chromium): one real task per role, end to end, plus the
 * doors that must stay shut. Data the tasks need is set up through the API; what the task changed is
 * checked on the page and through the API. Screenshots of the pages land in {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackOfficeIT {

    private static final String PASSWORD = "back-office-password-42";

    private static Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPageAndComesBackAfterSigningIn() throws Exception {
        String staff = user("STAFF");
        browser.signIn(staff, PASSWORD);
        browser.click(By.id("signOutForm:signOut"));
        browser.find(By.id("login:username"));

        browser.open("/staff/products.xhtml");
        assertThat(browser.url()).contains("/login.xhtml").contains("next=%2Fstaff%2Fproducts.xhtml");
        browser.screenshot("login");
        browser.type(By.id("login:username"), staff);
        browser.type(By.id("login:password"), "not-" + PASSWORD);
        browser.click(By.id("login:signIn"));
        browser.waitForText(By.id("login:messages"), "Wrong username or password");

        browser.type(By.id("login:username"), staff);
        browser.type(By.id("login:password"), PASSWORD);
        browser.click(By.id("login:signIn"));
        browser.find(By.id("list:products"));
        assertThat(browser.url()).contains("/staff/products.xhtml");
        assertThat(browser.find(By.id("signedInAs")).getText()).isEqualTo(staff);
    }

    @Test
    void afterARefusedSaveEditShowsTheProductChosenNotWhatWasTyped() throws Exception {
        String sku = product();
        browser.signIn(user("STAFF"), PASSWORD);
        browser.open("/staff/products.xhtml");
        // The form opens in a panel beside the list, with the focus in its first field.
        browser.click(By.id("list:newProduct"));
        browser.waitForText(By.cssSelector("#product h3"), "New product");
        assertThat(browser.focused()).isEqualTo("product:sku");
        assertThat(browser.accessibilityProblems()).as("WCAG 2.1 AA with the panel open").isEmpty();
        browser.type(By.id("product:sku"), "HALF-TYPED");
        browser.type(By.id("product:name"), "a name that was never saved");
        browser.click(By.id("product:save"));
        browser.waitForText(By.id("product"), "must not be null");
        assertThat(browser.find(By.id("productPanel")).isDisplayed()).as("a refused save keeps the panel open").isTrue();
        browser.click(By.id("product:close"));
        browser.waitUntilHidden(By.id("productPanel"));

        browser.type(By.id("list:search"), sku);
        browser.waitForText(By.id("list:products"), sku);
        browser.waitForRows(By.id("list:products"), 1);
        // The row of this product (the search narrows the list a moment later; the row is found either way,
        // and a click the search's re-rendering swallowed is made again).
        browser.clickUntilText(By.xpath("//tr[td[contains(., '" + sku + "')]]//a[contains(@class, 'editProduct')]"),
                By.cssSelector("#product h3"), "Edit product");
        assertThat(browser.find(By.id("product:sku")).getAttribute("value")).isEqualTo(sku);
        assertThat(browser.find(By.id("product:name")).getAttribute("value")).isEqualTo("Browser test item");
        assertThat(browser.find(By.id("list:products")).getText()).contains("€9.90").contains("20 %");
    }

    @Test
    void aReportFilterThatIsNoDateOrAnInvertedRangeIsSaidSo() throws Exception {
        browser.signIn(user("ACCOUNTANT"), PASSWORD);
        browser.open("/accounting/report.xhtml?name=balance-sheet&asOf=31-12-2026");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Balance sheet");
        browser.waitForText(By.cssSelector(".qm-date-filter .ui-message-error"), "As of: 31-12-2026 is not a date; write it as yyyy-mm-dd");
        assertThat(browser.all(By.id("statement"))).as("no report of a date that was not understood").isEmpty();

        browser.open("/accounting/report.xhtml?name=income-statement&from=2026-12-31&to=2026-01-01");
        browser.waitForText(By.cssSelector(".qm-date-filter .ui-message-error"), "From (2026-12-31) is after To (2026-01-01)");
        assertThat(browser.all(By.id("statement"))).isEmpty();

        browser.open("/accounting/report.xhtml?name=income-statement&from=2026-01-01&to=2026-12-31");
        assertThat(browser.find(By.id("statement")).isDisplayed()).isTrue();

        // The same date picker as everywhere; what is typed travels in the report's URL under its plain name.
        browser.typeDate(By.id("to_input"), "2026-06-30");
        browser.click(By.id("show"));
        browser.waitForText(By.id("reportScope"), "2026-06-30");
        assertThat(browser.url()).contains("to=2026-06-30").doesNotContain("_input");
    }

    @Test
    void statementsReadAsStatementsWithSectionsSubtotalsAndTheResult() throws Exception {
        String sku = product();
        receiveThroughApi(sku, 3);
        placeOrder(sku, 1, channelKey());
        browser.signIn(user("ACCOUNTANT"), PASSWORD);

        browser.open("/accounting/report.xhtml?name=balance-sheet");
        List<String> lines = statementLines();
        assertThat(lines).as("sections in order, each closed by its subtotal")
                .containsSubsequence("Assets", "Total assets", "Liabilities", "Total liabilities", "Equity",
                        "Current earnings", "Total equity", "Total liabilities and equity");
        assertThat(lines).anyMatch(l -> l.startsWith("1200 "));
        assertThat(browser.all(By.cssSelector("#statement tr.qm-statement-account")).get(0).findElement(By.tagName("td"))
                .getCssValue("padding-left")).as("accounts indented under their section").isEqualTo("32px");
        browser.screenshot("accountant-balance-sheet");

        browser.open("/accounting/report.xhtml?name=income-statement");
        assertThat(statementLines()).containsSubsequence("Income", "Total income", "Expenses", "Total expenses")
                .anyMatch(l -> l.equals("Net income") || l.equals("Net loss"));
        browser.screenshot("accountant-income-statement");

        HttpResponse<byte[]> pdf = browser.fetch("/accounting/export?format=pdf&report=balance-sheet");
        PdfReader reader = new PdfReader(pdf.body());
        try {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Assets").contains("Total assets").contains("Total liabilities and equity");
        } finally {
            reader.close();
        }
        // The general ledger opens on the inventory account instead of an empty page.
        browser.open("/accounting/report.xhtml?name=general-ledger");
        assertThat(browser.find(By.id("report")).getText()).contains("Opening balance");
        assertThat(browser.find(By.id("account")).getAttribute("value")).isEqualTo("1200");

        // The CSV stays one row per account, for spreadsheets and the API.
        String csv = new String(browser.fetch("/accounting/export?format=csv&report=balance-sheet").body(), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElse("")).isEqualTo("section,account,name,amount");
        assertThat(csv).doesNotContain("Total assets,");
    }

    /** The first cell of every row of the statement on the page. */
    private static List<String> statementLines() {
        return browser.all(By.cssSelector("#statement tbody tr")).stream()
                .map(tr -> tr.findElement(By.tagName("td")).getText().trim()).toList();
    }

    @Test
    void staffReceivesStockAndSeesTheNewLevelAndTheMovement() throws Exception {
        String sku = product();
        receiveThroughApi(sku, 5);
        allotToANewRegister(sku, 2);
        browser.signIn(user("STAFF"), PASSWORD);
        browser.open("/staff/stock.xhtml?sku=" + sku);
        assertThat(browser.find(By.cssSelector(".onHand-MAIN")).getText()).isEqualTo("5");
        assertThat(browser.find(By.cssSelector(".allotted-MAIN")).getText()).as("reserved for a register").isEqualTo("2");

        // A form sent without its required fields says so next to each field, and changes nothing.
        browser.click(By.id("forms:receive:submit"));
        browser.waitForText(By.id("forms:receive"), "enter the quantity");
        assertThat(browser.find(By.id("forms:receive")).getText()).contains("choose a location");
        assertThat(onHand(sku)).isEqualTo(5);

        browser.choose("forms:receive:location", "MAIN");
        browser.type(By.id("forms:receive:quantity_input"), "7");
        browser.type(By.id("forms:receive:unitCost_input"), "3.25");
        browser.type(By.id("forms:receive:reference"), "delivery note 4711");
        browser.click(By.id("forms:receive:submit"));

        browser.waitForText(By.cssSelector(".onHand-MAIN"), "12");
        WebElement newest = browser.find(By.cssSelector("#history\\:movements tbody tr"));
        assertThat(newest.getText()).contains("RECEIPT").contains("7").contains("delivery note 4711");
        assertThat(onHand(sku)).isEqualTo(12);
        browser.screenshot("staff-stock");
        // The chart places its points by time and labels them in words.
        assertThat(browser.script("return PF('onHandChart').chart.scales.x.type")).isEqualTo("linear");
        @SuppressWarnings("unchecked")
        List<Object> xs = (List<Object>) browser.script("return PF('onHandChart').chart.data.datasets[0].data.map(function (p) { return p.x; })");
        assertThat(xs).hasSizeGreaterThanOrEqualTo(3).allMatch(x -> ((Number) x).longValue() > 1_700_000_000_000L);
        assertThat(xs.stream().map(x -> ((Number) x).longValue()).toList()).isSorted();
        @SuppressWarnings("unchecked")
        List<Object> ticks = (List<Object>) browser.script("return PF('onHandChart').chart.scales.x.ticks.map(function (t) { return t.label; })");
        assertThat(ticks).isNotEmpty().allMatch(t -> String.valueOf(t).matches("\\d{1,2} [A-Z][a-z]{2}, \\d{2}:\\d{2}"));

        // A refused adjustment comes back on the Adjust tab, with what was typed still there.
        browser.click(By.xpath("//ul[contains(@class, 'ui-tabs-nav')]//a[text()='Adjust']"));
        browser.choose("forms:adjust:location", "MAIN");
        browser.type(By.id("forms:adjust:quantityDelta_input"), "-100");
        browser.type(By.id("forms:adjust:reason"), "shelf collapsed");
        browser.click(By.id("forms:adjust:submit"));
        browser.waitForText(By.cssSelector("#forms li.ui-tabs-header.ui-state-active"), "Adjust");
        assertThat(browser.find(By.id("forms:adjust:reason")).getAttribute("value")).isEqualTo("shelf collapsed");
        assertThat(browser.find(By.id("forms:adjust")).getText()).as("the refusal beside the form").isNotEmpty();
        assertThat(onHand(sku)).isEqualTo(12);
        browser.screenshot("staff-stock-adjust-refused");
    }

    @Test
    void staffCancelsAnOrderAndItsUnitsComeBack() throws Exception {
        String sku = product();
        receiveThroughApi(sku, 4);
        String orderId = placeOrder(sku, 3, channelKey());
        assertThat(available(sku)).isEqualTo(1);

        browser.signIn(user("STAFF"), PASSWORD);
        // The dashboard counts today's orders per channel and draws them per hour.
        assertThat(Integer.parseInt(browser.find(By.id("ordersToday")).getText())).isGreaterThanOrEqualTo(1);
        assertThat(browser.find(By.cssSelector("#ordersChart canvas")).isDisplayed()).isTrue();
        browser.screenshot("staff-dashboard");
        browser.open("/staff/orders.xhtml");
        browser.choose("search:channel", "WEB");
        browser.click(By.id("search:find"));
        browser.click(By.linkText(orderId.substring(0, 8)));
        browser.waitForText(By.id("orderStatus"), "PLACED");
        browser.screenshot("staff-order");
        browser.click(By.id("actions:cancel"));
        browser.click(By.id("actions:confirmYes"));

        browser.waitForText(By.id("orderStatus"), "CANCELLED");
        assertThat(available(sku)).isEqualTo(4);
        assertThat(Http.get("/api/v1/orders/" + orderId, Http.admin()).json().getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void staffReturnsSomeUnitsOfAnOrderAndTheyAreBackInStock() throws Exception {
        String sku = product();
        receiveThroughApi(sku, 6);
        String orderId = placeOrder(sku, 5, channelKey());

        String clerk = user("STAFF");
        browser.signIn(clerk, PASSWORD);
        browser.open("/staff/order.xhtml?id=" + orderId);
        assertThat(browser.find(By.tagName("h1")).getText()).as("the heading names the order")
                .isEqualTo("Order " + orderId.substring(0, 8));
        browser.type(By.id("returns:lines:0:takeBack_input"), "2");
        browser.type(By.id("returns:reason"), "box crushed in transit");
        browser.click(By.id("returns:return"));
        browser.waitForText(By.id("orderStatus"), "PARTIALLY_RETURNED");
        assertThat(browser.find(By.id("returns:lines")).getText()).contains("2");
        assertThat(onHand(sku)).isEqualTo(3);
        // The history says what happened, when, who asked and why, oldest first.
        List<String> history = browser.all(By.cssSelector("[id$='history_data'] tr")).stream().map(WebElement::getText).toList();
        assertThat(history).hasSize(3);
        assertThat(history.get(0)).contains("Placed").contains("through WEB");
        assertThat(history.get(1)).contains("Paid");
        assertThat(history.get(2)).contains("Returned").contains(clerk).contains("2 × " + sku)
                .contains("box crushed in transit").contains("€");
        browser.screenshot("staff-order-history");
    }

    @Test
    void staffFindsAnOrderByItsNumberOrSkuAndSortsTheListWithItsCount() throws Exception {
        String sku = product();
        receiveThroughApi(sku, 10);
        String key = channelKey();
        List<String> ids = new java.util.ArrayList<>();
        for (int quantity : new int[] {3, 1, 2}) {
            ids.add(placeOrder(sku, quantity, key));
        }
        browser.signIn(user("STAFF"), PASSWORD);
        browser.open("/staff/orders.xhtml");
        browser.find(By.cssSelector(".ui-paginator-current"));
        assertThat(browser.find(By.cssSelector(".ui-paginator-current")).getText()).as("the count of all orders")
                .matches("1–\\d+ of [\\d,]+");

        browser.type(By.id("search:text"), sku.toLowerCase());
        browser.click(By.id("search:find"));
        browser.waitForExactText(By.cssSelector(".ui-paginator-current"), "1–3 of 3");
        // Sorted by total, ascending then descending: 1, 2, 3 units of the same price.
        By total = By.xpath("//th[.//span[@class='ui-column-title' and text()='Total']]");
        By firstRow = By.cssSelector("[id$='orders_data'] tr:first-child");
        browser.clickUntilText(total, firstRow, ids.get(1).substring(0, 8));
        browser.clickUntilText(total, firstRow, ids.get(0).substring(0, 8));
        browser.screenshot("staff-orders-sorted");

        browser.type(By.id("search:text"), ids.get(2).substring(0, 8));
        browser.click(By.id("search:find"));
        browser.waitForExactText(By.cssSelector(".ui-paginator-current"), "1–1 of 1");
        assertThat(browser.find(By.cssSelector("[id$='orders_data'] a.orderLink")).getText()).isEqualTo(ids.get(2).substring(0, 8));

        // A last day before the first is said next to the field; a date in another shape is refused there too.
        browser.type(By.id("search:text"), "");
        browser.typeDate(By.id("search:from_input"), "2026-12-31");
        browser.typeDate(By.id("search:to_input"), "2026-12-01");
        browser.click(By.id("search:find"));
        browser.waitForText(By.cssSelector(".qm-date-filter .ui-message-error"), "before the first");
        browser.screenshot("staff-orders-range-refused");
        browser.typeDate(By.id("search:from_input"), "31/12/2026");
        browser.typeDate(By.id("search:to_input"), "");
        browser.click(By.id("search:find"));
        browser.waitForText(By.cssSelector(".qm-date-filter .ui-message-error"), "year-month-day");
        assertThat(browser.find(By.id("search:from_input")).getAttribute("value")).as("what was typed stays to be corrected")
                .isEqualTo("31/12/2026");
    }

    @Test
    void staffReceivesPartOfAPurchaseOrderThenTheRest() throws Exception {
        String sku = product();
        String vendor = "V" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(Http.put("/api/v1/erp/vendors/" + vendor, "{\"name\":\"Browser vendor\",\"leadTimeDays\":2}",
                Http.admin()).status()).isEqualTo(201);
        Answer po = Http.post("/api/v1/erp/purchase-orders", "{\"vendor\":\"" + vendor + "\",\"lines\":[{\"sku\":\""
                + sku + "\",\"location\":\"MAIN\",\"quantity\":10,\"unitCost\":1.50}]}", Http.admin());
        assertThat(po.status()).as(po.toString()).isEqualTo(201);
        String id = po.json().getString("id");

        browser.signIn(user("STAFF"), PASSWORD);
        browser.open("/staff/purchase-orders.xhtml");
        By open = By.xpath("//tr[td[contains(., '" + vendor + "')]]//a[contains(@class, 'openOrder')]");
        browser.click(open);
        browser.waitForText(By.id("poStatus"), "DRAFT");
        // Its number, the vendor's name, the line's unit cost and total as money.
        assertThat(browser.find(By.cssSelector("[id='order'] h3")).getText()).contains("Purchase order " + id.substring(0, 8))
                .contains(vendor + " Browser vendor");
        assertThat(browser.find(By.id("order:lines")).getText()).contains("€1.50").contains("€15.00");
        browser.click(By.id("order:issue"));
        browser.waitForText(By.id("poStatus"), "ISSUED");
        browser.type(By.id("order:lines:0:arriving_input"), "4");
        browser.click(By.id("order:receive"));
        browser.waitForText(By.id("poStatus"), "PARTIALLY_RECEIVED");
        assertThat(onHand(sku)).isEqualTo(4);
        browser.screenshot("staff-purchase-order");

        browser.type(By.id("order:lines:0:arriving_input"), "7");
        browser.click(By.id("order:receive"));
        browser.waitForText(By.id("messages"), "still expected");
        assertThat(onHand(sku)).as("receiving more than ordered is refused").isEqualTo(4);
        browser.type(By.id("order:lines:0:arriving_input"), "6");
        browser.click(By.id("order:receive"));
        browser.waitForExactText(By.id("poStatus"), "RECEIVED");
        assertThat(onHand(sku)).isEqualTo(10);
        assertThat(Http.get("/api/v1/erp/purchase-orders/" + id, Http.admin()).json().getString("status")).isEqualTo("RECEIVED");
    }

    @Test
    void anAccountantOpensTheTrialBalanceAndDownloadsItAsCsvAndPdfWithTheApisTotals() throws Exception {
        String accountant = user("ACCOUNTANT");
        Answer entry = Http.post("/api/v1/ledger/journal", "{\"description\":\"till float\",\"lines\":["
                + "{\"account\":\"1000\",\"debit\":1250.75},{\"account\":\"3000\",\"credit\":1250.75}]}", Http.basic(accountant, PASSWORD));
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);

        browser.signIn(accountant, PASSWORD);
        // Other tests' stock and orders reach the books asynchronously: compare once the books are still.
        for (int attempt = 1; ; attempt++) {
            JsonObject before = quietTrialBalance(accountant);
            browser.click(By.id("navTrialBalance"));
            browser.find(By.id("report"));
            assertThat(browser.title()).startsWith("Trial balance");
            browser.screenshot("accountant-trial-balance");
            // Headings are words, amounts have separators and two decimals, the currency is named.
            assertThat(browser.all(By.cssSelector("#report th")).stream().map(WebElement::getText).filter(t -> !t.isBlank()))
                    .contains("Account", "Name", "Type", "Debit", "Credit");
            String shown = browser.find(By.id("report")).getText();
            assertThat(shown).containsPattern("\\d{1,3}(,\\d{3})+\\.\\d{2}").doesNotContainPattern("(?<![\\d,.])\\d{4,}\\.\\d{2}");
            assertThat(browser.find(By.id("reportScope")).getText()).contains("amounts in EUR");

            Path csv = browser.download(By.id("exportCsv"), "trial-balance-" + java.time.LocalDate.now() + ".csv");
            Path pdf = browser.download(By.id("exportPdf"), "trial-balance-" + java.time.LocalDate.now() + ".pdf");
            JsonObject after = trialBalance(accountant);
            if (!before.equals(after) && attempt < 3) {
                continue;
            }
            assertThat(after).isEqualTo(before);

            List<CSVRecord> records;
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            }
            CSVRecord total = records.get(records.size() - 1);
            assertThat(total.get("account")).isEqualTo("TOTAL");
            assertThat(new BigDecimal(total.get("debit"))).isEqualByComparingTo(after.getJsonNumber("totalDebit").bigDecimalValue());
            assertThat(new BigDecimal(total.get("credit"))).isEqualByComparingTo(after.getJsonNumber("totalCredit").bigDecimalValue());
            assertThat(records.size() - 1).isEqualTo(after.getJsonArray("lines").size());
            assertThat(records.stream().filter(r -> r.get("account").equals("1000")).findFirst()).isPresent();

            PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
            try {
                StringBuilder text = new StringBuilder();
                PdfTextExtractor extractor = new PdfTextExtractor(reader);
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    text.append(extractor.getTextFromPage(page)).append('\n');
                }
                assertThat(text).contains("Trial balance").contains("TOTAL").contains("Debit").doesNotContain("debit")
                        .contains(io.quartermaster.web.report.Report.text(new BigDecimal(total.get("debit"))))
                        .contains(io.quartermaster.web.report.Report.text(new BigDecimal(total.get("credit"))));
            } finally {
                reader.close();
            }
            break;
        }
    }

    @Test
    void anAdminCreatesAnApiClientWhoseKeyIsShownOnceAndWorks() throws Exception {
        browser.signIn("admin", Http.ADMIN_PASSWORD);
        browser.open("/admin/api-clients.xhtml");
        String name = "till " + UUID.randomUUID().toString().substring(0, 6);
        browser.type(By.id("client:name"), name);
        browser.choose("client:role", "CHANNEL");
        browser.choose("client:channel", "POS");
        browser.click(By.id("client:create"));

        String key = browser.find(By.id("issuedKey")).getText().trim();
        assertThat(key).isNotBlank();
        browser.screenshot("admin-api-clients");
        assertThat(Http.get("/api/v1/products", Http.bearer(key)).status()).isEqualTo(200);
        assertThat(browser.all(By.cssSelector(".clientName")).stream().map(WebElement::getText)).contains(name);

        browser.open("/admin/api-clients.xhtml");
        assertThat(browser.pageSource()).contains(name).doesNotContain(key);
    }

    @Test
    void anAdminCreatesARegisterThatStaffPairAndGiveUnitsToHold() throws Exception {
        String sku = product();
        receiveThroughApi(sku, 10);
        browser.signIn("admin", Http.ADMIN_PASSWORD);
        browser.open("/staff/registers.xhtml");
        String code = "A0" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        browser.type(By.id("create:code"), code);
        browser.type(By.id("create:name"), "Counter by the door");
        browser.click(By.id("create:submit"));
        String key = browser.find(By.id("issuedKey")).getText().trim();
        assertThat(Http.get("/api/v1/registers/" + code, Http.bearer(key)).status()).as("the key shown once works").isEqualTo(200);

        String row = "//tr[.//span[@class='registerCode' and text()='" + code + "']]";
        browser.click(By.xpath(row + "//button[.//span[text()='Pairing code']]"));
        String pairing = browser.find(By.id("pairingCode")).getText().trim();
        assertThat(pairing).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.find(By.id("pairUrl")).getText()).endsWith("/register/?pair=" + pairing);
        assertThat(browser.find(By.id("pairQr")).getAttribute("src")).as("a QR code of the link for the tablet's camera")
                .startsWith("data:image/svg+xml;base64,");
        Answer paired = Http.post("/api/v1/registers/pair", "{\"pairingCode\":\"" + pairing + "\"}", null);
        assertThat(paired.status()).as(paired.toString()).isEqualTo(200);

        browser.click(By.xpath(row + "//button[.//span[text()='Allotments']]"));
        browser.type(By.id("allot:sku"), sku);
        browser.type(By.id("allot:target_input"), "4");
        browser.click(By.id("allot:submit"));
        browser.waitForText(By.cssSelector(".remaining-" + sku), "4");
        browser.waitForText(By.cssSelector(".held-" + code), "4");
        assertThat(available(sku)).as("the web can sell the rest only").isEqualTo(6);

        // The register's sales arrive: one paid by a card that is then declined, one beyond what it holds and is free.
        String till = Http.bearer(paired.json().getString("key"));
        String sales = "{\"sales\":[" + sale(1, sku, 2, "{\"type\":\"CASH\"}") + "," + sale(2, sku, 1,
                "{\"type\":\"CARD\",\"token\":\"tok_decline\"}") + "," + sale(3, sku, 9, "{\"type\":\"CASH\"}") + "]}";
        Answer settled = Http.post("/api/v1/registers/" + code + "/sales", sales, till);
        assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
        browser.click(By.xpath(row + "//button[.//span[text()='Allotments']]"));
        browser.waitForText(By.cssSelector(".attention-3"), "Discrepancy");
        browser.waitForText(By.cssSelector(".attention-2"), "Card declined");
        browser.screenshot("staff-registers");

        browser.click(By.id("allot:close"));
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        browser.waitForText(By.id("messages"), "is closed");
        assertThat(available(sku)).as("what the register held is available again").isEqualTo(7);
    }

    private static String sale(int seq, String sku, int quantity, String tender) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"seq\":" + seq + ",\"soldAt\":\"" + java.time.Instant.now()
                + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"unitPrice\":10}],\"tender\":" + tender + "}";
    }

    @Test
    void anAdminSubscribesAWebhookWhoseSecretIsShownOnce() throws Exception {
        browser.signIn("admin", Http.ADMIN_PASSWORD);
        browser.open("/admin/webhooks.xhtml");
        String url = "http://127.0.0.1:9/back-office-" + UUID.randomUUID().toString().substring(0, 6);
        browser.type(By.id("webhook:url"), url);
        browser.type(By.id("webhook:description"), "a 3PL feed");
        browser.click(By.id("webhook:create"));

        String secret = browser.find(By.id("issuedSecret")).getText().trim();
        assertThat(secret).startsWith("whsec_");
        browser.screenshot("admin-webhooks");
        assertThat(browser.all(By.cssSelector(".webhookUrl")).stream().map(WebElement::getText)).contains(url);

        browser.open("/admin/webhooks.xhtml");
        assertThat(browser.pageSource()).contains(url).doesNotContain(secret);
        for (jakarta.json.JsonObject w : Http.get("/api/v1/admin/webhooks", Http.admin()).array()
                .getValuesAs(jakarta.json.JsonObject.class)) {
            if (w.getString("url").equals(url)) {
                assertThat(w.getJsonArray("events").getString(0)).isEqualTo("*");
                assertThat(Http.delete("/api/v1/admin/webhooks/" + w.getString("id"), Http.admin()).status()).isEqualTo(204);
            }
        }
    }

    @Test
    void staffOpeningAnAccountantPageGets403AndSeesNoBooksInTheMenu() throws Exception {
        browser.signIn(user("STAFF"), PASSWORD);
        assertThat(browser.all(By.id("navTrialBalance"))).isEmpty();
        assertThat(browser.all(By.id("navUsers"))).isEmpty();
        assertThat(browser.all(By.id("navProducts"))).hasSize(1);

        browser.open("/accounting/report.xhtml?name=trial-balance");
        assertThat(browser.find(By.id("errorTitle")).getText()).isEqualTo("Not for your role");
        browser.screenshot("staff-forbidden");
        assertThat(browser.fetch("/accounting/report.xhtml?name=trial-balance").statusCode()).isEqualTo(403);
        assertThat(browser.fetch("/accounting/export?report=trial-balance&format=csv").statusCode()).isEqualTo(403);
        assertThat(browser.fetch("/admin/api-clients.xhtml").statusCode()).isEqualTo(403);
        assertThat(browser.fetch("/admin/webhooks.xhtml").statusCode()).isEqualTo(403);
        assertThat(browser.fetch("/staff/products.xhtml").statusCode()).isEqualTo(200);
        // The session cookie is no key to the API: API calls need their own credentials.
        assertThat(browser.fetch("/api/v1/products").statusCode()).isEqualTo(401);
    }

    @Test
    void aUserAnAdminChangesGetsTheNewRolesAndIsSignedOutWhenDisabledAtTheNextClick() throws Exception {
        String staff = user("STAFF");
        browser.signIn(staff, PASSWORD);
        browser.open("/staff/holds.xhtml");
        assertThat(browser.title()).startsWith("Active holds");

        Answer promoted = Http.put("/api/v1/admin/users/" + staff, "{\"roles\":[\"STAFF\",\"ACCOUNTANT\"],\"active\":true}",
                Http.admin());
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        browser.open("/accounting/report.xhtml?name=trial-balance");
        browser.find(By.id("report"));
        assertThat(browser.all(By.id("navTrialBalance"))).hasSize(1);

        Answer disabled = Http.put("/api/v1/admin/users/" + staff, "{\"roles\":[\"STAFF\"],\"active\":false}", Http.admin());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().isNull("disabledAt")).isFalse();
        browser.open("/staff/holds.xhtml");
        assertThat(browser.url()).contains("/login.xhtml");
        assertThat(Http.get("/api/v1/products", Http.basic(staff, PASSWORD)).status()).isEqualTo(401);
        browser.type(By.id("login:username"), staff);
        browser.type(By.id("login:password"), PASSWORD);
        browser.click(By.id("login:signIn"));
        browser.waitForText(By.id("login:messages"), "Wrong username or password");
    }

    @Test
    void anAdminChangesAUserInAPanelBesideTheListThatTakesTheFocus() throws Exception {
        String clerk = user("STAFF");
        browser.signIn("admin", Http.ADMIN_PASSWORD);
        browser.open("/admin/users.xhtml");
        browser.type(By.cssSelector("[id='list:users'] th input"), clerk);
        browser.waitForText(By.id("list:users"), clerk);
        browser.waitForRows(By.id("list:users"), 1);
        browser.click(By.xpath("//tr[td[contains(., '" + clerk + "')]]//a[contains(@class, 'changeUser')]"));
        browser.waitForText(By.cssSelector("#change h3"), "Change " + clerk);
        WebElement panel = browser.find(By.id("changePanel"));
        assertThat(panel.getRect().getY()).as("the form opens where the admin is, not far below").isLessThan(200);
        assertThat(browser.focused()).startsWith("change:");
        browser.screenshot("admin-users-change-panel");
        browser.click(By.xpath("//div[@id='change:roles']//label[text()='ACCOUNTANT']"));
        browser.click(By.id("change:save"));
        browser.waitForText(By.id("list:users"), "ACCOUNTANT");
        assertThat(browser.all(By.id("changePanel")).get(0).isDisplayed()).as("a saved change closes the panel").isFalse();
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(Http.get("/api/v1/admin/users", Http.admin()).body()))) {
            assertThat(reader.readArray().stream().map(jakarta.json.JsonValue::asJsonObject)
                    .filter(u -> u.getString("username").equals(clerk)).findFirst().orElseThrow()
                    .get("roles").toString()).contains("ACCOUNTANT");
        }
    }

    @Test
    void theLastActiveAdministratorCanNeitherBeDisabledNorDemoted() throws Exception {
        String second = user("ADMIN");
        assertThat(Http.put("/api/v1/admin/users/" + second, "{\"roles\":[\"ADMIN\"],\"active\":false}", Http.admin())
                .status()).isEqualTo(200);
        Answer demote = Http.put("/api/v1/admin/users/admin", "{\"roles\":[\"STAFF\"],\"active\":true}", Http.admin());
        assertThat(demote.status()).as(demote.toString()).isEqualTo(409);
        assertThat(demote.contentType()).startsWith("application/problem+json");
        assertThat(demote.json().getString("detail")).contains("last active administrator");
        assertThat(Http.put("/api/v1/admin/users/admin", "{\"roles\":[\"ADMIN\"],\"active\":false}", Http.admin())
                .status()).isEqualTo(409);
        assertThat(Http.put("/api/v1/admin/users/admin", "{\"roles\":[],\"active\":true}", Http.admin()).status())
                .isEqualTo(400);
        assertThat(Http.put("/api/v1/admin/users/nobody-here", "{\"roles\":[\"STAFF\"],\"active\":true}", Http.admin())
                .status()).isEqualTo(404);
        assertThat(Http.get("/api/v1/admin/users", Http.admin()).status()).isEqualTo(200);
    }

    @Test
    void everyPageOpensForAnAdministratorAndPassesTheAccessibilityCheck() throws Exception {
        String sku = product();
        receiveThroughApi(sku, 2);
        String orderId = placeOrder(sku, 1, channelKey());
        browser.signIn("admin", Http.ADMIN_PASSWORD);
        String[][] pages = {
                {"/index.xhtml", "dashboard"}, {"/staff/products.xhtml", "products"},
                {"/staff/stock.xhtml?sku=" + sku, "stock"}, {"/staff/holds.xhtml", "holds"},
                {"/staff/orders.xhtml", "orders"}, {"/staff/registers.xhtml", "registers"}, {"/staff/vendors.xhtml", "vendors"},
                {"/staff/replenishment.xhtml", "replenishment"}, {"/staff/purchase-orders.xhtml", "purchase-orders"},
                {"/accounting/journal.xhtml", "journal"},
                {"/accounting/report.xhtml?name=general-ledger&account=1200", "general-ledger"},
                {"/accounting/report.xhtml?name=income-statement", "income-statement"},
                {"/accounting/report.xhtml?name=balance-sheet", "balance-sheet"},
                {"/accounting/report.xhtml?name=inventory-valuation", "inventory-valuation"},
                {"/accounting/report.xhtml?name=reconciliation", "reconciliation"},
                {"/accounting/periods.xhtml", "periods"}, {"/admin/users.xhtml", "users"},
                {"/admin/api-clients.xhtml", "api-clients"}, {"/admin/webhooks.xhtml", "webhooks"},
                {"/admin/dead-letters.xhtml", "dead-letters"}};
        List<String> inaccessible = new java.util.ArrayList<>();
        for (String[] page : pages) {
            browser.open(page[0]);
            assertThat(browser.title()).as(page[0]).endsWith("· Quartermaster").doesNotContain("went wrong")
                    .doesNotContain("not found");
            assertThat(browser.all(By.cssSelector(".ui-messages-error"))).as(page[0]).isEmpty();
            browser.screenshot("admin-" + page[1]);
            browser.accessibilityProblems().forEach(problem -> inaccessible.add(page[1] + ": " + problem));
        }
        browser.open("/staff/order.xhtml?id=" + orderId);
        browser.waitForText(By.id("orderStatus"), "PLACED");
        browser.accessibilityProblems().forEach(problem -> inaccessible.add("order: " + problem));
        browser.signOut();
        browser.open("/login.xhtml");
        browser.accessibilityProblems().forEach(problem -> inaccessible.add("login: " + problem));
        assertThat(inaccessible).as("WCAG 2.1 AA (axe-core) on every page").isEmpty();
        browser.signIn("admin", Http.ADMIN_PASSWORD);
        for (String report : List.of("trial-balance", "income-statement", "balance-sheet", "journal",
                "general-ledger&account=1200", "inventory-valuation", "reconciliation")) {
            HttpResponse<byte[]> pdf = browser.fetch("/accounting/export?format=pdf&report=" + report);
            assertThat(pdf.statusCode()).as(report).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).as(report).isEqualTo("%PDF-");
            HttpResponse<byte[]> csv = browser.fetch("/accounting/export?format=csv&report=" + report);
            assertThat(csv.statusCode()).as(report).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).as(report).contains(".csv");
        }
        assertThat(browser.fetch("/accounting/export?report=general-ledger&format=csv").statusCode()).isEqualTo(400);
        assertThat(browser.fetch("/accounting/export?report=balance-sheet&format=xls").statusCode()).isEqualTo(400);
    }

    @Test
    void onPhonesAndTabletsTheMenuFoldsAwayAndNoPageScrollsSideways() throws Exception {
        browser.signIn("admin", Http.ADMIN_PASSWORD);
        String sku = product();
        receiveThroughApi(sku, 3);
        String orderId = placeOrder(sku, 1, channelKey());
        // Every page, at a phone's, a tablet's and a laptop's width.
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("dashboard", "/index.xhtml");
        pages.put("products", "/staff/products.xhtml");
        pages.put("stock", "/staff/stock.xhtml?sku=" + sku);
        pages.put("holds", "/staff/holds.xhtml");
        pages.put("orders", "/staff/orders.xhtml");
        pages.put("order", "/staff/order.xhtml?id=" + orderId);
        pages.put("registers", "/staff/registers.xhtml");
        pages.put("vendors", "/staff/vendors.xhtml");
        pages.put("replenishment", "/staff/replenishment.xhtml");
        pages.put("purchase-orders", "/staff/purchase-orders.xhtml");
        pages.put("journal", "/accounting/journal.xhtml");
        pages.put("general-ledger", "/accounting/report.xhtml?name=general-ledger");
        pages.put("trial-balance", "/accounting/report.xhtml?name=trial-balance");
        pages.put("income-statement", "/accounting/report.xhtml?name=income-statement");
        pages.put("balance-sheet", "/accounting/report.xhtml?name=balance-sheet");
        pages.put("inventory-valuation", "/accounting/report.xhtml?name=inventory-valuation");
        pages.put("reconciliation", "/accounting/report.xhtml?name=reconciliation");
        pages.put("periods", "/accounting/periods.xhtml");
        pages.put("users", "/admin/users.xhtml");
        pages.put("api-clients", "/admin/api-clients.xhtml");
        pages.put("dead-letters", "/admin/dead-letters.xhtml");
        pages.put("webhooks", "/admin/webhooks.xhtml");
        List<String> sideways = new java.util.ArrayList<>();
        try {
            for (int width : List.of(390, 768, 1440)) {
                browser.width(width);
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.open(page.getValue());
                    browser.find(By.tagName("h1"));
                    if (browser.horizontalOverflow() > 0) {
                        sideways.add(page.getKey() + " scrolls sideways at " + width + " px: " + browser.widerThanTheWindow());
                    }
                    WebElement menu = browser.all(By.id("nav")).get(0);
                    WebElement button = browser.all(By.id("menuButton")).get(0);
                    if (width < 900) {
                        assertThat(menu.isDisplayed()).as("menu folded away at " + width + " px on " + page.getKey()).isFalse();
                        assertThat(button.isDisplayed()).isTrue();
                    } else {
                        assertThat(menu.isDisplayed()).isTrue();
                        assertThat(button.isDisplayed()).isFalse();
                    }
                    browser.screenshot(page.getKey() + "-" + width);
                }
            }
            assertThat(sideways).as("pages that scroll sideways").isEmpty();
            browser.width(390);
            browser.open("/staff/products.xhtml");
            browser.click(By.id("menuButton"));
            assertThat(browser.find(By.id("nav")).isDisplayed()).as("the menu opens from its button").isTrue();
            assertThat(browser.find(By.id("menuButton")).getAttribute("aria-expanded")).isEqualTo("true");
            browser.screenshot("products-390-menu-open");
            browser.click(By.id("navOrders"));
            browser.waitForText(By.tagName("h1"), "Orders");
            assertThat(browser.all(By.id("navOrders")).get(0).getAttribute("aria-current")).as("the menu marks the open page")
                    .isEqualTo("page");
            assertThat(browser.all(By.id("navProducts")).get(0).getAttribute("aria-current")).isNull();
            assertThat(browser.all(By.cssSelector("a.qm-skip")).get(0).getAttribute("href")).endsWith("#main");
        } finally {
            browser.width(1400);
        }
    }

    @Test
    void timesAreLocalToTheMinuteWithTheExactInstantInATooltip() throws Exception {
        String sku = product();
        receiveThroughApi(sku, 5);
        String key = Http.post("/api/v1/admin/api-clients", "{\"name\":\"bo-times\",\"role\":\"CHANNEL\",\"channel\":\"WEB\"}",
                Http.admin()).json().getString("key");
        assertThat(Http.post("/api/v1/checkouts", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", Http.bearer(key))
                .status()).isEqualTo(201);
        assertThat(Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"payment\":"
                + "{\"token\":\"tok_visa\"}}", Http.bearer(key)).status()).isEqualTo(201);
        browser.signIn("admin", Http.ADMIN_PASSWORD);
        java.util.regex.Pattern iso = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        java.util.regex.Pattern local = java.util.regex.Pattern.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}");
        for (String page : List.of("/staff/orders.xhtml", "/staff/holds.xhtml", "/staff/stock.xhtml?sku=" + sku,
                "/admin/api-clients.xhtml", "/admin/users.xhtml")) {
            browser.open(page);
            String text = browser.visibleText();
            assertThat(iso.matcher(text).find()).as("an ISO timestamp in the text of " + page).isFalse();
            assertThat(local.matcher(text).find()).as("a local date and time on " + page).isTrue();
        }
        browser.open("/staff/holds.xhtml");
        assertThat(browser.pageSource()).containsPattern("title=\"\\d{4}-\\d{2}-\\d{2}T[^\"]*Z \\(UTC\\)");
    }

    // ---------------------------------------------------------------- set-up through the API

    private static String user(String role) throws Exception {
        String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Answer created = Http.post("/api/v1/admin/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"" + role + "\"]}", Http.admin());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private static String product() throws Exception {
        String sku = "BO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(Http.put("/api/v1/products/" + sku, "{\"name\":\"Browser test item\",\"price\":9.90,\"taxRate\":0.20}",
                Http.admin()).status()).isEqualTo(201);
        return sku;
    }

    private static void receiveThroughApi(String sku, int quantity) throws Exception {
        Answer receipt = Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":"
                + quantity + ",\"unitCost\":2.00}", Http.admin());
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
    }

    private static void allotToANewRegister(String sku, int units) throws Exception {
        String code = "BO" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Answer created = Http.post("/api/v1/admin/registers", "{\"code\":\"" + code + "\",\"name\":\"Back till\","
                + "\"location\":\"MAIN\"}", Http.admin());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Answer allotted = Http.put("/api/v1/registers/" + code + "/allotments", "{\"lines\":[{\"sku\":\"" + sku
                + "\",\"target\":" + units + "}]}", Http.admin());
        assertThat(allotted.status()).as(allotted.toString()).isEqualTo(200);
    }

    /** A paid one-line order through a channel's key: its id. */
    private static String placeOrder(String sku, int quantity, String key) throws Exception {
        Answer placed = Http.post("/api/v1/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
                + "}],\"payment\":{\"token\":\"tok_ok\"}}", Http.bearer(key));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().getString("id");
    }

    private static String channelKey() throws Exception {
        Answer client = Http.post("/api/v1/admin/api-clients", "{\"name\":\"web shop " + UUID.randomUUID()
                + "\",\"role\":\"CHANNEL\",\"channel\":\"WEB\"}", Http.admin());
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        return client.json().getString("key");
    }

    private static JsonObject stock(String sku) throws Exception {
        return Http.get("/api/v1/stock/" + sku, Http.admin()).json();
    }

    private static int onHand(String sku) throws Exception {
        return stock(sku).getInt("onHand");
    }

    private static int available(String sku) throws Exception {
        return stock(sku).getInt("available");
    }

    private static JsonObject trialBalance(String accountant) throws Exception {
        return Http.get("/api/v1/ledger/trial-balance", Http.basic(accountant, PASSWORD)).json();
    }

    /** The trial balance once two reads a second apart agree (nothing is being posted). */
    private static JsonObject quietTrialBalance(String accountant) throws Exception {
        JsonObject last = trialBalance(accountant);
        for (int i = 0; i < 30; i++) {
            Thread.sleep(1000);
            JsonObject now = trialBalance(accountant);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
