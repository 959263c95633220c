package io.quartermaster.web.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Deployments;
import io.quartermaster.web.it.Http;
import io.quartermaster.web.it.Http.Answer;
import io.quartermaster.web.it.Poll;
import io.quartermaster.web.it.TestServices;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The register app (/register/) in a real browser, with a cable between it and the server that
 * the test pulls: paired with a one-time code, it sells online; cut off, it keeps selling from its
 * service worker and IndexedDB until one SKU's allotment is spent and refuses one more; reloaded
 * offline it still shows the sales waiting; back online every sale arrives exactly once, and stock
 * and books follow. Screenshots (online, offline) land in {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegisterAppIT {

    private static Browser browser;
    private static CuttableProxy cable;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser();
        cable = new CuttableProxy(Integer.getInteger("qm.it.http.port"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (cable != null) {
            cable.close();
        }
    }

    private static String product(String prefix, String name) throws Exception {
        String sku = prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(Http.put("/api/v1/products/" + sku, "{\"name\":\"" + name + "\",\"price\":10.00,\"taxRate\":0.2}",
                Http.admin()).status()).isIn(200, 201);
        assertThat(Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":20,"
                + "\"unitCost\":4.00,\"reference\":\"app\"}", Http.admin()).status()).isEqualTo(201);
        return sku;
    }

    /** Waits for the text, or fails with what the app showed (and a screenshot): a register's screen explains itself. */
    private static void waitFor(By target, String text) {
        try {
            browser.waitForText(target, text);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("register-app-failed");
            throw new AssertionError("waited for '" + text + "'; the app shows: " + browser.script("return document.body.innerText"), e);
        }
    }

    private static void sellOne(String sku) {
        browser.type(By.id("search"), sku);
        browser.click(By.cssSelector(".product[data-sku='" + sku + "']"));
        browser.click(By.id("pay-cash"));
        waitFor(By.id("receipt"), "Sold");
        browser.click(By.id("receipt-close"));
    }

    @Test
    void sellsOnlineThenOfflineFromItsAllotmentAndEverySaleArrivesOnceWhenTheNetworkIsBack() throws Exception {
        String mug = product("APPMUG-", "Blue mug");
        String cup = product("APPCUP-", "Espresso cup");
        String code = "APP" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Answer created = Http.post("/api/v1/admin/registers", "{\"code\":\"" + code + "\",\"name\":\"Front till\","
                + "\"location\":\"MAIN\",\"offlineHours\":24}", Http.admin());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Answer allotted = Http.put("/api/v1/registers/" + code + "/allotments", "{\"lines\":[{\"sku\":\"" + mug
                + "\",\"target\":3},{\"sku\":\"" + cup + "\",\"target\":5}]}", Http.admin());
        assertThat(allotted.status()).as(allotted.toString()).isEqualTo(200);
        String pairingCode = Http.post("/api/v1/registers/" + code + "/pairing-codes", null, Http.admin()).json()
                .getString("pairingCode");
        String app = "http://127.0.0.1:" + cable.port() + "/register/";

        // Paired through the link a tablet's camera opens; online, a sale goes straight to the server.
        browser.width(1280);
        browser.openUrl(app + "?pair=" + pairingCode);
        waitFor(By.id("status-connection"), "Online");
        waitFor(By.id("title"), "Front till");
        assertThat(browser.url()).as("the spent code leaves the address bar").doesNotContain("pair=");
        assertThat(browser.accessibilityProblems()).as("WCAG 2.1 AA, online").isEmpty();
        sellOne(mug);
        waitFor(By.id("status-waiting"), "0 sales waiting");
        Poll.until(() -> TestServices.scalar("select count(*) from orders.register_sale where register_code = '" + code + "'"),
                n -> n == 1, Duration.ofSeconds(20), "the online sale recorded");
        // Topped up to its target again: it holds 3 mugs.
        waitFor(By.cssSelector(".product[data-sku='" + mug + "'] .left"), "3 left");
        browser.screenshot("register-app-online");

        // The store's network drops: the app notices and keeps selling from what it holds.
        cable.cut();
        waitFor(By.id("status-connection"), "Offline");
        sellOne(mug);
        sellOne(mug);
        sellOne(cup);
        sellOne(mug);
        waitFor(By.id("status-waiting"), "4 sales waiting");
        browser.type(By.id("search"), mug);
        assertThat(browser.find(By.cssSelector(".product[data-sku='" + mug + "']")).isEnabled())
                .as("no mug left at this register").isFalse();
        waitFor(By.cssSelector(".product[data-sku='" + mug + "'] .left"), "none left");
        // One more mug: the cup goes in, the mug is refused with a clear message.
        browser.type(By.id("search"), "");
        browser.script("document.querySelector(\".product[data-sku='" + mug + "']\").disabled = false;");
        browser.click(By.cssSelector(".product[data-sku='" + mug + "']"));
        waitFor(By.id("message"), "Only 0 × " + mug + " left at this register");
        browser.screenshot("register-app-offline");
        assertThat(TestServices.scalar("select count(*) from orders.register_sale where register_code = '" + code + "'"))
                .as("nothing reached the server while the cable was out").isEqualTo(1);

        // Reloaded while offline: the service worker serves the app, IndexedDB still holds the sales.
        browser.reload();
        waitFor(By.id("status-waiting"), "4 sales waiting");
        waitFor(By.id("status-connection"), "Offline");
        browser.width(768);
        assertThat(browser.horizontalOverflow()).as("fits a tablet held upright: " + browser.widerThanTheWindow())
                .isLessThanOrEqualTo(0);
        assertThat(browser.accessibilityProblems()).as("WCAG 2.1 AA, offline at 768 px").isEmpty();

        // Past its offline window (24 h since it last reached the server, by its own clock) it stops selling.
        browser.script("return new Promise(done => { const open = indexedDB.open('quartermaster-register');"
                + " open.onsuccess = () => { const tx = open.result.transaction('kv', 'readwrite');"
                + " tx.objectStore('kv').put(Date.now() - 25 * 3600 * 1000, 'lastContact');"
                + " tx.oncomplete = () => { open.result.close(); done(true); }; }; });");
        browser.reload();
        waitFor(By.id("status-waiting"), "4 sales waiting");
        browser.type(By.id("search"), cup);
        browser.click(By.cssSelector(".product[data-sku='" + cup + "']"));
        browser.click(By.id("pay-cash"));
        waitFor(By.id("message"), "offline for more than 24 hours");
        browser.click(By.cssSelector("#cart-lines button"));

        // The network is back: every waiting sale arrives, once.
        cable.restore();
        waitFor(By.id("status-connection"), "Online");
        waitFor(By.id("status-waiting"), "0 sales waiting");
        assertThat(TestServices.scalar("select count(*) from orders.register_sale where register_code = '" + code
                + "' and status = 'RECORDED'")).isEqualTo(5);
        assertThat(TestServices.scalar("select count(distinct seq) from orders.register_sale where register_code = '" + code + "'"))
                .isEqualTo(5);
        assertThat(TestServices.scalar("select max(seq) from orders.register_sale where register_code = '" + code + "'")).isEqualTo(5);
        JsonObject mugStock = Http.get("/api/v1/stock/" + mug, Http.admin()).json();
        assertThat(mugStock.getInt("onHand")).as("4 mugs sold").isEqualTo(16);
        assertThat(Http.get("/api/v1/stock/" + cup, Http.admin()).json().getInt("onHand")).isEqualTo(19);
        Poll.until(() -> TestServices.scalar("select count(*) from erp.journal_entry e join orders.customer_order o "
                + "on e.description like '%' || o.id::text || '%' where e.source_type = 'OrderPlaced' and o.register = '"
                + code + "'"), n -> n == 5, Duration.ofSeconds(30), "one sale entry per sale in the books");
        JsonObject register = Http.get("/api/v1/registers/" + code, Http.admin()).json();
        assertThat(register.getJsonNumber("lastSeq").longValue()).isEqualTo(5);
        assertThat(register.getJsonArray("missingSeqs")).isEmpty();
    }
}
