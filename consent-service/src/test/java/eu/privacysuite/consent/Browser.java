package eu.privacysuite.consent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's headless Chromium driven by Selenium, with what the banner tests read from the page. A missing
 * browser fails the tests, saying what to install: they are never skipped.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final JavascriptExecutor js;

    Browser(String language) {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Chromium is missing: the browser tests need " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1200,900", "--lang=" + language);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // A publication must reach the next page view in a test, not after banner.js's 5 minutes of cache.
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        js = driver;
    }

    /** Opens the page as a first-time visitor: no cookie of an earlier test. */
    void firstVisit(String url) {
        // Cookies go while a page of the same host without the banner is open: a banner still running on the last
        // test's page could otherwise set its cookie again between the deletion and the visit.
        driver.get(java.net.URI.create(url).resolve("/q/no-banner-here").toString());
        driver.manage().deleteAllCookies();
        driver.get(url);
    }

    @SuppressWarnings("unchecked")
    List<String> standInsRan() {
        return (List<String>) js.executeScript("return window.standInsRan.slice()");
    }

    /** The resources the page fetched, by a part of their URL (Resource Timing lists fetch() calls too). */
    @SuppressWarnings("unchecked")
    List<String> requested(String urlPart) {
        return (List<String>) js.executeScript("var part = arguments[0];"
                + "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                + ".filter(function (n) { return n.indexOf(part) >= 0; })", urlPart);
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void click(String css) {
        until(d -> present(css));
        driver.findElement(By.cssSelector(css)).click();
    }

    void until(java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.apply(driver));
    }

    /** The banner's first-party cookie, decoded; null when there is none. */
    JsonNode choiceCookie() {
        Cookie cookie = driver.manage().getCookieNamed("privacy_consent");
        try {
            return cookie == null ? null
                    : new ObjectMapper().readTree(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    UUID visitor() {
        return UUID.fromString(choiceCookie().get("t").asText().split("\\.")[1]);
    }

    /** Serious and critical violations axe-core finds in the page as it is now. */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        js.executeScript(axeSource());
        return (List<String>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations"
                + ".filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + ".map(function (v) { return v.id + ' ' + JSON.stringify(v.nodes.map(function (n) { return n.target; })); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
