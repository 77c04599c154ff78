package eu.privacysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.SuiteService;

/**
 * The privacy office's console in Debian's Chromium, signed in through the real Keycloak login page, against the
 * real services: a controller handles an ACCESS request from receipt to the report and the audit trail, places and
 * lifts a hold; every page passes axe-core (no serious or critical violation) in French and English, and is
 * photographed into docs/screenshots/console/; an auditor finds no write action, and a POST with their session is
 * refused by the console, as the service refuses their token. On the shared stack, with one browser for the class: the journeys
 * are ordered methods. The browser's session keeps the tokens it signed in with for the whole class, so the class
 * never runs beside {@link KeyRotationIT}, which removes the key that signed them: the console would sign the browser
 * in again at its next page, and a form sent at that moment would be lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(value = SuiteKeycloak.SIGNING_KEYS, mode = ResourceAccessMode.READ)
class ConsoleAcrossTheSuiteIT extends AcrossTheSuite {

    private static final Duration WAIT = ConsoleBrowser.WAIT;
    /** A 1×1 PNG: dsr-service checks a document by its first bytes. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private WebDriver browser;
    private String console;
    private String requestId;
    private Path screenshots;
    private final List<String> axeFindings = new ArrayList<>();

    ConsoleAcrossTheSuiteIT() {
        super();
    }

    @BeforeAll
    void startTheConsoleAndABrowser() throws IOException {
        console = stack.startConsole(true).baseUrl();
        screenshots = Path.of(System.getProperty("privacy.repo", "..")).resolve("docs/screenshots/console");
        Files.createDirectories(screenshots);
        browser = ConsoleBrowser.open();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void controllerHandlesAnAccessRequestFromReceiptToTheReport() throws IOException {
        signIn("controller", stack.keycloak().secrets().controllerPassword());
        assertTrue(browser.getCurrentUrl().startsWith(console + "/requests"), browser.getCurrentUrl());
        Cookie session = browser.manage().getCookieNamed("q_session");
        assertTrue(session != null && session.isHttpOnly() && session.isSecure(), "the session cookie is Secure and HttpOnly");

        browser.get(console + "/requests/new");
        // Sent empty first: dsr-service's field errors are shown next to the fields.
        browser.findElement(By.id("record")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("email-error")));
        assertTrue(browser.findElement(By.id("email-error")).isDisplayed(), "the address's error is next to it");

        browser.findElement(By.id("email")).sendKeys("console.person@example.org");
        browser.findElement(By.id("firstName")).sendKeys("Camille");
        browser.findElement(By.id("lastName")).sendKeys("Martin");
        browser.findElement(By.id("record")).click();
        waitFor(ExpectedConditions.urlContains("done=created"));
        requestId = browser.getCurrentUrl().replaceAll(".*/requests/([0-9a-f-]{36}).*", "$1");
        assertEquals("AWAITING_IDENTITY", status());
        assertTrue(!browser.getCurrentUrl().contains("example.org"), "no personal data in the URL");

        Path document = Files.createTempFile("identity", ".png");
        Files.write(document, PNG);
        browser.findElement(By.id("document")).sendKeys(document.toString());
        browser.findElement(By.cssSelector("form[action$='/document'] button")).click();
        waitFor(ExpectedConditions.urlContains("done=document"));
        assertTrue(browser.findElements(By.cssSelector("iframe.document")).size() == 1, "the document is shown inline");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("method"))).selectByValue("DOCUMENT");
        browser.findElement(By.id("verify")).click();
        waitFor(ExpectedConditions.urlContains("done=identity"));

        Eventually.until("the request completes", Duration.ofSeconds(90), () -> {
            browser.navigate().refresh();
            return status();
        }, "COMPLETED"::equals);
        assertTrue(browser.findElement(By.id("summary-text")).getText().contains("CNIL"), "the summary is ready to send");
        assertTrue(browser.findElement(By.id("chain")).getAttribute("class").contains("ok"), "the audit chain verifies");
        assertTrue(browser.findElements(By.cssSelector("section[aria-labelledby=h-audit] tbody tr")).size() >= 3);

        String report = fetch("GET", console + "/requests/" + requestId + "/report", null);
        assertTrue(report.startsWith("200 text/html"), report.substring(0, Math.min(200, report.length())));
    }

    @Test
    @Order(2)
    void controllerPlacesAndLiftsAHold() {
        browser.get(console + "/retention");
        browser.findElement(By.id("email")).sendKeys("held.person@example.org");
        browser.findElement(By.id("reason")).sendKeys("Case 2026-118");
        browser.findElement(By.id("place-hold")).click();
        waitFor(ExpectedConditions.urlContains("done=placed"));
        WebElement row = browser.findElement(By.xpath("//table[@id='holds']//tr[td[contains(., 'Case 2026-118')]]"));
        String hold = row.getAttribute("data-hold");
        row.findElement(By.cssSelector("form[action$='/lift'] button")).click();
        waitFor(ExpectedConditions.urlContains("done=lifted"));
        WebElement lifted = browser.findElement(By.cssSelector("tr[data-hold='" + hold + "']"));
        assertTrue(lifted.findElements(By.cssSelector("form")).isEmpty(), "a lifted hold has no lift button");
        assertTrue(lifted.getText().contains("controller"), lifted.getText());
    }

    @Test
    @Order(3)
    void everyPagePassesAxeInFrenchAndEnglish() {
        for (String language : List.of("en", "fr")) {
            choose(language);
            page("inbox", "/requests", language);
            page("new-request", "/requests/new", language);
            page("request", "/requests/" + requestId, language);
            page("retention", "/retention", language);
            page("consent", "/consent", language);
            page("contact", "/contact", language);
            page("operations", "/operations", language);
        }
        choose("en");
        assertTrue(axeFindings.isEmpty(), "axe-core found serious or critical violations: " + axeFindings);
    }

    @Test
    @Order(4)
    void aMalformedOrOversizedFormIsAProblemAndRecordsNothing() {
        browser.get(console + "/retention");
        String csrf = browser.findElement(By.cssSelector("form.lang input[name=csrf-token]")).getAttribute("value");
        String broken = fetch("POST", console + "/retention/holds",
                "csrf-token=" + csrf + "&target=SUBJECT&email=%ZZ&reason=Case%202026-119");
        assertTrue(broken.startsWith("400 application/problem+json") && broken.contains("broken %-escape"), broken);
        String tooLong = fetch("POST", console + "/retention/holds", "csrf-token=" + csrf
                + "&target=SUBJECT&email=held.person%40example.org&reason=Case%202026-120%20" + "a".repeat(20_000));
        assertTrue(tooLong.startsWith("413 application/problem+json"), tooLong);
        String cutShort = fetch("POST", console + "/requests/" + requestId + "/document", "--zz\r\nContent-Disposition: "
                + "form-data; name=\"document\"; filename=\"a\"\r\n\r\nabc", "multipart/form-data; boundary=zz");
        assertTrue(cutShort.startsWith("400 application/problem+json") && cutShort.contains("cut short"), cutShort);
        browser.get(console + "/retention");
        assertTrue(browser.findElements(By.xpath("//table[@id='holds']//tr[td[contains(., 'Case 2026-119')"
                + " or contains(., 'Case 2026-120')]]")).isEmpty(), "a refused form placed a hold");
    }

    @Test
    @Order(5)
    void auditorFindsNoWriteActionAndIsRefusedAPost() {
        browser.get(console + "/logout");
        waitFor(ExpectedConditions.urlContains("/signed-out.html"));
        signIn("auditor", stack.keycloak().secrets().auditorPassword());
        choose("en");
        for (String path : List.of("/requests", "/requests/" + requestId, "/retention", "/consent", "/contact", "/operations")) {
            browser.get(console + path);
            assertTrue(browser.findElements(By.cssSelector("form.write")).isEmpty(), "a write action on " + path);
            assertTrue(browser.findElements(By.cssSelector("a[href='/requests/new']")).isEmpty(), "new request on " + path);
            axe("auditor " + path);
        }
        page("request-auditor", "/requests/" + requestId, "en");
        assertTrue(axeFindings.isEmpty(), "axe-core found serious or critical violations: " + axeFindings);

        // A POST with the auditor's session and a valid CSRF token (the language form's): the console refuses it.
        String csrf = browser.findElement(By.cssSelector("form.lang input[name=csrf-token]")).getAttribute("value");
        String answer = fetch("POST", console + "/requests/" + requestId + "/cancel", "csrf-token=" + csrf);
        assertTrue(answer.startsWith("403"), answer);
        // And dsr-service refuses the auditor's own token.
        String auditor = stack.tokens().token(ControllerTokens.AUDITOR);
        HttpResponse<String> direct = http.post(SuiteService.DSR, "/api/requests/" + requestId + "/cancel", auditor, "");
        assertEquals(403, direct.statusCode(), direct.body());
        // Nothing was cancelled.
        browser.get(console + "/requests/" + requestId);
        assertEquals("COMPLETED", status());
    }

    private void signIn(String user, String password) {
        ConsoleBrowser.signIn(browser, console, stack.keycloak(), user, password);
    }

    private void choose(String language) {
        browser.get(console + "/requests");
        browser.findElement(By.cssSelector("form.lang button[value='" + language + "']")).click();
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** Opens a page, checks it with axe-core and photographs it as docs/screenshots/console/NAME-LANG.png. */
    private void page(String name, String path, String language) {
        browser.get(console + path);
        assertEquals(language, browser.findElement(By.tagName("html")).getAttribute("lang"));
        axe(name + "-" + language);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(screenshots.resolve(name + "-" + language + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void axe(String where) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        browser.manage().timeouts().scriptTimeout(WAIT);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { iframes: false }).then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.nodes.length + ')'))).catch(e => done(['axe failed: ' + e]));");
        for (Object violation : (List<Object>) result) {
            axeFindings.add(where + ": " + violation);
        }
    }

    private static String axeSource;

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = ConsoleAcrossTheSuiteIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is not on the test class path (org.webjars.npm:axe-core)");
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** A request from the page, with the browser's cookies: "STATUS CONTENT-TYPE BODY-START". */
    private String fetch(String method, String url, String formBody) {
        return fetch(method, url, formBody, "application/x-www-form-urlencoded");
    }

    private String fetch(String method, String url, String body, String contentType) {
        browser.manage().timeouts().scriptTimeout(WAIT);
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const init = { method: arguments[0], redirect: 'manual', credentials: 'same-origin' };"
                + "if (arguments[2]) { init.body = arguments[2]; init.headers = {'Content-Type': arguments[3]}; }"
                + "fetch(arguments[1], init).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + ' ' + t.substring(0, 200))))"
                + ".catch(e => done('failed ' + e));", method, url, body, contentType);
    }

    private String status() {
        return browser.findElement(By.id("status")).getAttribute("data-status");
    }

    private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        ConsoleBrowser.waitFor(browser, condition);
    }
}
