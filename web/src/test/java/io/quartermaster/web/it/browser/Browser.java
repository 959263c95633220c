package io.quartermaster.web.it.browser;

import io.quartermaster.web.it.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (both installed by {@code ./quartermaster test}),
 * with the few moves the back-office tests repeat: sign in, open a page, pick from a PrimeFaces menu,
 * take a screenshot, download what a link points at.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("QM_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=en-GB");
        try {
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("QM_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static String executable(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    void open(String path) {
        driver.get(Http.base() + path);
    }

    /** Opens a whole address (another port than the server's: a proxy in between). */
    void openUrl(String url) {
        driver.get(url);
    }

    /** Reloads the page, as a person pressing F5 (offline, the service worker answers). */
    void reload() {
        driver.navigate().refresh();
    }

    void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login.xhtml");
        type(By.id("login:username"), username);
        type(By.id("login:password"), password);
        driver.findElement(By.id("login:signIn")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login.xhtml")));
    }

    /**
     * Types into a date picker (its calendar opens from its button only, so typing is plain typing) and
     * checks the picker kept the text as typed: a picker that rewrote it would hide what the server says.
     */
    void typeDate(By input, String text) {
        type(input, text + Keys.TAB);
        String typed = driver.findElement(input).getAttribute("value");
        if (!text.equals(typed)) {
            throw new AssertionError("the date picker changed '" + text + "' into '" + typed + "'");
        }
    }

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    void type(By input, String text) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(input));
        // Select and delete rather than clear(): PrimeFaces' number inputs (AutoNumeric) ignore clear().
        element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        element.sendKeys(text);
    }

    /**
     * Opens a p:selectOneMenu and clicks the item whose label starts with {@code label}, until its
     * panel has closed. The menu is clicked again while another menu's panel covers it (the click
     * lands on that panel: ElementClickInterceptedException).
     */
    void choose(String menuId, String label) {
        String escaped = "#" + menuId.replace(":", "\\:");
        wait.ignoring(ElementClickInterceptedException.class).until(d -> {
            WebElement menu = ExpectedConditions.elementToBeClickable(By.id(menuId)).apply(d);
            if (menu == null) {
                return false;
            }
            menu.click();
            return true;
        });
        By items = By.cssSelector(escaped + "_items li");
        wait.until(ExpectedConditions.visibilityOfElementLocated(items));
        // A click that lands while the panel is still opening is lost and the panel stays open:
        // click the item until the panel has closed.
        wait.until(d -> {
            List<WebElement> shown = d.findElements(items).stream().filter(WebElement::isDisplayed).toList();
            if (shown.isEmpty()) {
                return true;
            }
            shown.stream()
                    .filter(li -> li.getAttribute("data-label") != null && li.getAttribute("data-label").startsWith(label))
                    .findFirst().orElseThrow(() -> new AssertionError("no item '" + label + "' in " + menuId))
                    .click();
            return false;
        });
    }

    /** Clicks, trying again when an AJAX update replaced the element between finding and clicking it. */
    void click(By target) {
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = ExpectedConditions.elementToBeClickable(target).apply(d);
                    if (element == null) {
                        return false;
                    }
                    element.click();
                    return true;
                });
    }

    WebElement find(By target) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    List<WebElement> all(By target) {
        return driver.findElements(target);
    }

    void waitForText(By target, String text) {
        wait.until(replaced(ExpectedConditions.textToBePresentInElementLocated(target, text)));
    }

    /** Waits until a panel's closing animation has ended and it no longer covers the page. */
    void waitUntilHidden(By target) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(target));
    }

    /**
     * Clicks {@code target} (a sortable column header, a row's link) until {@code check} shows {@code text}: a click that
     * lands while the table's previous Ajax update is still being applied is dropped by PrimeFaces.
     */
    void clickUntilText(By target, By check, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                click(target);
            } catch (org.openqa.selenium.TimeoutException e) {
                // Not clickable for the whole wait: the table was still being re-rendered. Once more, then give up
                // with a picture of what the page showed.
                if (attempt == 3) {
                    screenshot("click-failed-" + System.currentTimeMillis());
                    throw e;
                }
                continue;
            }
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(replaced(ExpectedConditions.textToBePresentInElementLocated(check, text)));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits until the table shows exactly {@code rows} rows: a search typed into a list is applied
     * 300 ms later by an Ajax update, and a row's link clicked before it lands belongs to the old rows.
     */
    void waitForRows(By table, int rows) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(table)
                .findElements(By.cssSelector("tbody tr:not(.ui-datatable-empty-message)")).size() == rows);
    }

    void waitForExactText(By target, String text) {
        wait.until(replaced(ExpectedConditions.textToBe(target, text)));
    }

    /**
     * A condition that looks again when an Ajax update swapped the element out while it was being read:
     * Chromium reports that as "Node with given id does not belong to the document", not as a stale element.
     */
    private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> replaced(
            org.openqa.selenium.support.ui.ExpectedCondition<Boolean> condition) {
        return d -> {
            try {
                return condition.apply(d);
            } catch (StaleElementReferenceException e) {
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        };
    }

    String title() {
        return driver.getTitle();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The window's width in CSS pixels (390 a phone, 768 a tablet, 1440 a laptop). */
    void width(int pixels) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(pixels, 900));
    }

    /** How far the page is wider than the window: 0 when nothing scrolls sideways. */
    long horizontalOverflow() {
        Object overflow = driver.executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;");
        return ((Number) overflow).longValue();
    }

    /**
     * The outermost elements that reach past the window's right edge (tag, id, class, right edge), inside a
     * parent that does not: what makes a page scroll sideways (or what a scrolling card holds).
     */
    String widerThanTheWindow() {
        Object found = driver.executeScript("var out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  var p = e.parentElement ? e.parentElement.getBoundingClientRect() : null;"
                + "  if (r.right > window.innerWidth + 1 && (!p || p.right <= window.innerWidth + 1) && out.length < 8) {"
                + "    out.push(e.tagName + '#' + e.id + '.' + e.className + ' right=' + Math.round(r.right));"
                + "  }"
                + "});"
                + "return out.join('; ');");
        return String.valueOf(found);
    }

    /** The text a person sees on the page (hidden elements and tooltips left out). */
    String visibleText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * What axe-core (run inside this page) finds against WCAG 2.0/2.1 A and AA, one line per rule and
     * element: empty when the page passes.
     */
    List<String> accessibilityProblems() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core did not run: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .flatMap(rule -> rule.getNodes().stream().map(node -> rule.getId() + " (" + rule.getHelp() + "): "
                        + node.getTarget() + " " + node.getFailureSummary().replace('\n', ' ')))
                .toList();
    }

    /** Runs a script in the page and returns what it returns (numbers as Long or Double, lists as List). */
    Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    /** The id of the element that has the keyboard focus ("" when none has an id). */
    String focused() {
        Object id = driver.executeScript("return document.activeElement ? document.activeElement.id : '';");
        return id == null ? "" : id.toString();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Clicks a download link and returns the file the browser saved, waiting until it is complete.
     * The directory is emptied first so the file found is this one.
     */
    Path download(By link, String fileName) throws IOException, InterruptedException {
        Path file = DOWNLOADS.resolve(fileName);
        Files.deleteIfExists(file);
        click(link);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && !Files.exists(DOWNLOADS.resolve(fileName + ".crdownload")) && Files.size(file) > 0) {
                return file;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the browser did not save " + fileName + " into " + DOWNLOADS);
    }

    /** What the server answers this browser's session for {@code path} (for status codes, which the browser hides). */
    HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.base() + path)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session.getValue());
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
