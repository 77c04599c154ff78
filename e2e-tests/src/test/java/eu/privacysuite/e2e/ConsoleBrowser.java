package eu.privacysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import eu.privacysuite.localstack.KeycloakServer;

/** Debian's headless Chromium through ChromeDriver, signed in to the console through Keycloak's own login page. */
final class ConsoleBrowser {

    static final Duration WAIT = Duration.ofSeconds(60);

    private ConsoleBrowser() {
    }

    static WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
        return browser;
    }

    /** Opens the inbox, which sends the browser to the provider's login page, and signs in there. */
    static void signIn(WebDriver browser, String console, KeycloakServer keycloak, String user, String password) {
        browser.get(console + "/requests");
        waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(keycloak.realmUrl()), "the provider's own login page");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        waitFor(browser, ExpectedConditions.urlContains(console));
    }

    /** Waits for the condition; a timeout says where the browser was and what the page began with. */
    static void waitFor(WebDriver browser, ExpectedCondition<?> condition) {
        new WebDriverWait(browser, WAIT).withMessage(() -> "the browser is at " + browser.getCurrentUrl()
                + ", showing: " + pageStart(browser)).until(condition);
    }

    private static String pageStart(WebDriver browser) {
        String source = browser.getPageSource();
        return source == null ? "" : source.substring(0, Math.min(400, source.length()));
    }
}
