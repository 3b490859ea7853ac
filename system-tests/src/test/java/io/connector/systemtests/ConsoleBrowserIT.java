package io.connector.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Assume;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console's page in a real headless Chromium against the ready distribution: one node (H2)
 * with {@code feature:install connector-web}, a viewer and a manager in its users.properties, a
 * generated shop whose customers are imported, one of them without a name, which the store refuses:
 * its job fails. The viewer's page must show, cell for cell, the job counts {@code connector:channels}
 * prints, the failed job with its error and no action button; the manager's must offer Retry, which,
 * once the customer has a name again, makes the job run and end done, and the row leave the page.
 * A screenshot of the manager's overview is kept in {@code target/screenshots/console-overview.png}.
 *
 * <p>Skipped where Debian's {@code chromium} and {@code chromium-driver} are not installed
 * ({@code scripts/chromium} installs them). Selenium is given both binaries: Selenium Manager must not
 * look for, or download, either.
 */
public class ConsoleBrowserIT extends SystemTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Selenium looks for a DevTools binding of Chromium's version and warns when none matches; the
     * test needs none (the screenshot goes through ChromeDriver's own CDP command). Kept: a logger
     * only configured is collected, and with it its level.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }
    private static final String VIEWER = "vera";
    private static final String VIEWER_PASSWORD = "vera-pw";
    private static final String MANAGER = "max";
    private static final String MANAGER_PASSWORD = "max-pw";
    /** Two of the page's refreshes (every 5 s) and the counts' cache (5 s), with room for a slow machine. */
    private static final Duration PAGE_CATCHES_UP = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    public void theConsoleShowsTheShellsCountsToAViewerAndLetsAManagerRetryAFailedJob() throws Exception {
        Assume.assumeTrue("No headless Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): scripts/chromium installs it",
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
        long started = System.nanoTime();

        ShopFixture shop = closing(ShopFixture.generated("customers=40"));
        // A customer without a name: the store refuses the partner (res.partner.name is required), so
        // its import fails on its own, as an import_record job, until the shop gives it a name again.
        String nameless = shop.store().customers().ids().get(7);
        Map<String, Object> customer = shop.store().customers().get(nameless).orElseThrow();
        Object firstname = customer.get("firstname");
        Object lastname = customer.get("lastname");
        Object middlename = customer.get("middlename");
        shop.store().customers().update(nameless, c -> {
            c.put("firstname", null);
            c.put("middlename", null);
            c.put("lastname", null);
        });

        KarafNode node = closing(KarafNode.unpack("web", closing(StoreDatabase.h2())));
        int port = KarafNode.freePort();
        // Both lines the feature appends, so that it has nothing to append: Karaf's append rewrites the
        // file while file install writes the configuration back, and once in a while the file ends with
        // the feature's port (8181) instead of this one.
        node.setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(port));
        node.setProperty("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        node.setProperty("etc/users.properties", VIEWER, VIEWER_PASSWORD + ",viewer");
        node.setProperty("etc/users.properties", MANAGER, MANAGER_PASSWORD + ",manager");
        node.start();
        node.awaitReady(Duration.ofSeconds(180));
        node.connector("feature:install connector-web", Duration.ofSeconds(180));
        String page = "http://127.0.0.1:" + port + "/connector/";
        // The page and the API are servlets of their own, which may come up one after the other.
        Waits.await("the console's page at " + page + " and its API answering the viewer", Duration.ofSeconds(60), node.log(),
                () -> get(page, null, null).statusCode() == 200 && get(page + "api/me", VIEWER, VIEWER_PASSWORD).statusCode() == 200
                        ? Boolean.TRUE : null);

        node.connector("connector:backend-add --location " + shop.location() + " --username odoo --password odoo42 shop magento/1.7");
        node.awaitBackend("shop", Duration.ofSeconds(30));
        // The customers in chunks of 5: a few jobs more for the chart.
        for (String what : List.of("shop metadata", "shop customer-groups", "--chunk 5 shop partners")) {
            String out = node.connector("connector:import --wait --timeout 120 " + what, Duration.ofSeconds(150));
            assertThat(out).as("connector:import %s", what)
                    .containsPattern("Done: \\d+, failed: " + (what.endsWith("partners") ? 1 : 0) + "\\b");
        }
        JsonNode failed = api(page, "api/jobs?state=failed");
        assertThat(failed).as("the failed jobs, through the API").hasSize(1);
        String uuid = failed.get(0).get("uuid").asText();
        String error = failed.get(0).get("error_message").asText();
        assertThat(failed.get(0).get("function").asText()).isEqualTo("import_record");
        assertThat(failed.get(0).get("description").asText()).contains("magento.res.partner " + nameless);
        assertThat(error).contains("res.partner.name");
        // The feature on the ready Karaf serves metrics and health too, as the issue's "done when" asks.
        HttpResponse<String> metrics = get(page + "metrics", VIEWER, VIEWER_PASSWORD);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains("connector_jobs{channel=\"root.magento\",state=\"failed\"} 1\n",
                "connector_records_total{backend=\"shop\",model=\"magento.res.partner\",direction=\"imported\"} ")
                .containsPattern("connector_job_runs_total\\{function=\"import_record\",outcome=\"failed\"} [1-9]");
        assertThat(get(page + "metrics", null, null).statusCode()).as("metrics without a login").isEqualTo(401);
        HttpResponse<String> health = get(page + "health", null, null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");
        assertThat(health.body()).contains("\"database\"", "\"migrations\"", "\"job-runner\"", "\"failed-jobs\"");
        System.out.printf(Locale.ROOT, "ConsoleBrowserIT: node up, console installed, shop imported in %.1f s; failed job %s: %s%n",
                seconds(started), uuid, error);

        ChromeDriver driver = startChromium();
        try {
            WebDriverWait wait = new WebDriverWait(driver, PAGE_CATCHES_UP);
            wait.ignoring(StaleElementReferenceException.class);

            // The viewer: the shell's counts, the failed job, no button to act.
            driver.get(page);
            logIn(driver, wait, VIEWER, VIEWER_PASSWORD);
            assertThat(driver.findElement(By.id("who")).getText()).isEqualTo(VIEWER + " (viewer)");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#failed tr[data-uuid='" + uuid + "'] td.error")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#backends tr[data-backend='shop']")));
            // The import is over: the queue is quiet and both read the same counts (JobAdmin.counts).
            Map<String, Map<String, Long>> shell = shellCounts(node);
            Map<String, Map<String, Long>> shown = Waits.await("the page showing the counts of connector:channels " + shell,
                    PAGE_CATCHES_UP, node.log(), () -> {
                        Map<String, Map<String, Long>> onPage = asShellCounts(pageCounts(driver, "#channels tbody tr[data-channel]"));
                        return onPage.equals(shell) ? onPage : null;
                    });
            assertThat(shown.values()).as("channels with jobs done").anySatisfy(states -> assertThat(states.get("Done")).isPositive());
            Map<String, Long> totals = pageCounts(driver, "#channels tfoot tr#totals").get("totals");
            Map<String, Long> shellTotals = new TreeMap<>();
            shell.values().forEach(states -> states.forEach((state, n) -> shellTotals.merge(state, n, Long::sum)));
            assertThat(asShellCounts(Map.of("all", totals)).get("all")).as("the page's totals").isEqualTo(shellTotals);

            WebElement failedRow = driver.findElement(By.cssSelector("#failed tr[data-uuid='" + uuid + "']"));
            assertThat(failedRow.findElement(By.cssSelector("td.error")).getText()).isEqualTo(error);
            assertThat(failedRow.findElements(By.cssSelector("button.details"))).as("Details, which everyone may open").hasSize(1);
            assertThat(driver.findElements(By.cssSelector("button.retry, button.review, button.start-import")))
                    .as("action buttons on the viewer's page").isEmpty();
            assertThat(driver.findElement(By.id("chart-totals")).getText())
                    .isEqualTo(shellTotals.get("Done") + " done, " + shellTotals.get("Failed") + " failed in the hour");
            assertThat(driver.findElements(By.cssSelector("#chart svg rect.done"))).as("bars of jobs done").isNotEmpty();
            // The newest import is the partners': over, its one failed job among the ended ones.
            WebElement imported = driver.findElement(By.cssSelector("#imports div.import[data-backend='shop']"));
            WebElement progress = imported.findElement(By.tagName("progress"));
            assertThat(Integer.parseInt(progress.getAttribute("value"))).as("the import's jobs ended").isGreaterThan(1)
                    .isEqualTo(Integer.parseInt(progress.getAttribute("max")));
            assertThat(imported.getText()).contains("Import partners").containsPattern("Finished: \\d+ done, 1 failed, 0 to go");

            // The manager: Retry, which runs the job again once the shop has the customer's name.
            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
            assertThat(driver.findElement(By.id("console")).isDisplayed()).as("the console, once logged out").isFalse();
            logIn(driver, wait, MANAGER, MANAGER_PASSWORD);
            assertThat(driver.findElement(By.id("who")).getText()).isEqualTo(MANAGER + " (manager)");
            By retry = By.cssSelector("#failed tr[data-uuid='" + uuid + "'] button.retry[data-uuid='" + uuid + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(retry));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#backends tr[data-backend='shop'] button.start-import")));
            screenshot(driver);

            shop.store().customers().update(nameless, c -> {
                c.put("firstname", firstname);
                c.put("middlename", middlename);
                c.put("lastname", lastname);
            });
            // The page redraws its tables every 5 s: a button found just before a redraw is gone when clicked.
            wait.until(d -> {
                d.findElement(retry).click();
                return true;
            });
            // The page posts the retry after the click: until the history has it, the job is still failed from before.
            Waits.await("job " + uuid + " retried by " + MANAGER + " and done (connector:job)", Duration.ofSeconds(60), node.log(), () -> {
                String out = node.connector("connector:job " + uuid);
                if (!out.contains(MANAGER + " (web console)")) {
                    return null;
                }
                assertThat(out).as("connector:job %s after its retry", uuid).doesNotContainPattern("(?m)^State:\\s+failed");
                return out.lines().anyMatch(line -> line.matches("State:\\s+done")) ? out : null;
            });
            assertThat(node.queryLong("SELECT COUNT(*) AS n FROM \"magento_res_partner\" WHERE \"external_id\" = '" + nameless + "'"))
                    .as("customer %s bound after the retry", nameless).isEqualTo(1);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#failed tr[data-uuid='" + uuid + "']")));
            assertThat(driver.findElement(By.id("failed-empty")).isDisplayed()).as("'No failed job.'").isTrue();
            System.out.printf(Locale.ROOT, "ConsoleBrowserIT: counts %s on the page and in the shell; retried %s from the page; %.1f s in all%n",
                    shown, uuid, seconds(started));
        } finally {
            driver.quit();
        }
    }

    /**
     * Debian's Chromium, headless, with a profile of its own; the flags keep it from reaching out
     * (updates, sync, QUIC, first-run pages): on a machine without a network it would hang on them.
     */
    private static ChromeDriver startChromium() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        // A fresh profile each run, in target/ (left for inspection, not piling up in /tmp).
        Path profile = Path.of(System.getProperty("nodes.dir", "target/nodes")).resolveSibling("chromium-profile").toAbsolutePath();
        if (Files.exists(profile)) {
            try (Stream<Path> paths = Files.walk(profile)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        return new ChromeDriver(service, options);
    }

    /** Logs in through the page's form and waits for the first refresh to be drawn. */
    private static void logIn(WebDriver driver, WebDriverWait wait, String user, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        WebElement name = driver.findElement(By.id("login-user"));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        wait.until(ExpectedConditions.textMatches(By.id("updated"), java.util.regex.Pattern.compile("^Updated .+ UTC$")));
        wait.until(ExpectedConditions.textMatches(By.id("who"), java.util.regex.Pattern.compile("^" + user + " \\(")));
        assertThat(driver.findElement(By.id("login")).isDisplayed()).as("the login form, once %s is logged in", user).isFalse();
    }

    /**
     * The cells of the rows {@code rows} selects, by the row's channel (or "totals"), then state;
     * read in one script, so that no refresh of the page falls between two cells.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Long>> pageCounts(WebDriver driver, String rows) {
        Map<String, Object> read = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
                "const out = {};"
                        + "for (const tr of document.querySelectorAll(arguments[0])) {"
                        + "  const states = {};"
                        + "  for (const td of tr.querySelectorAll('td[data-state]')) states[td.dataset.state] = Number(td.textContent);"
                        + "  out[tr.dataset.channel || 'totals'] = states;"
                        + "}"
                        + "return out;", rows);
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        read.forEach((channel, states) -> {
            Map<String, Long> byState = new TreeMap<>();
            ((Map<String, Object>) states).forEach((state, n) -> byState.put(state, ((Number) n).longValue()));
            counts.put(channel, byState);
        });
        return counts;
    }

    /** The page's states in connector:channels' columns: Running is claimed and started; cancelled is not shown there. */
    private static Map<String, Map<String, Long>> asShellCounts(Map<String, Map<String, Long>> page) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        page.forEach((channel, states) -> {
            Map<String, Long> columns = new TreeMap<>();
            columns.put("Running", states.getOrDefault("claimed", -1L) + states.getOrDefault("started", -1L));
            columns.put("Pending", states.getOrDefault("pending", -1L));
            columns.put("Waiting", states.getOrDefault("waiting", -1L));
            columns.put("Failed", states.getOrDefault("failed", -1L));
            columns.put("Done", states.getOrDefault("done", -1L));
            counts.put(channel, columns);
        });
        return counts;
    }

    /** connector:channels' table: channel -> Running, Pending, Waiting, Failed, Done. */
    private static Map<String, Map<String, Long>> shellCounts(KarafNode node) throws Exception {
        String out = node.connector("connector:channels");
        List<String[]> rows = new ArrayList<>();
        out.lines().filter(line -> line.contains("|")).forEach(line -> rows.add(line.split("\\|", -1)));
        assertThat(rows).as("connector:channels:\n%s", out).hasSizeGreaterThan(1);
        List<String> header = new ArrayList<>();
        for (String cell : rows.get(0)) {
            header.add(cell.trim());
        }
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (String[] cells : rows.subList(1, rows.size())) {
            Map<String, Long> columns = new TreeMap<>();
            for (String column : List.of("Running", "Pending", "Waiting", "Failed", "Done")) {
                columns.put(column, Long.parseLong(cells[header.indexOf(column)].trim()));
            }
            counts.put(cells[header.indexOf("Channel")].trim(), columns);
        }
        return counts;
    }

    /** The whole page, below the window's height too (Chromium's own capture), for the README. */
    @SuppressWarnings("unchecked")
    private static void screenshot(ChromeDriver driver) throws Exception {
        Path file = SCREENSHOTS.resolve("console-overview.png");
        Map<String, Object> content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", content.get("width"),
                        "height", content.get("height"), "scale", 1)));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        System.out.println("ConsoleBrowserIT: screenshot of the manager's overview in " + file.toAbsolutePath());
    }

    /** A GET of the console's API as the viewer, with basic auth, as a script would. */
    private JsonNode api(String page, String path) throws Exception {
        HttpResponse<String> answer = get(page + path, VIEWER, VIEWER_PASSWORD);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> get(String url, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
