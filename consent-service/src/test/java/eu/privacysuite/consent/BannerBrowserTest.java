package eu.privacysuite.consent;

import static eu.privacysuite.consent.ConsentApi.DEMO;
import static eu.privacysuite.consent.ConsentApi.publish;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import eu.privacysuite.consent.domain.ConsentAction;
import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.service.PublishedVersions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The demo page in real headless Chromium: what runs, what is stored, what a visitor can do with the keyboard. */
@QuarkusTest
class BannerBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/demo/")
    URL demo;

    @Inject
    ConsentProofRepository proofs;

    @Inject
    EntityManager em;

    @Inject
    PublishedVersions published;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser("en");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void nothingRunsBeforeAChoiceAndRefuseAllStoresARefusalProof() {
        browser.firstVisit(demo.toString());
        browser.until(d -> browser.present("#pc-banner"));
        List<String> buttons = browser.driver.findElements(By.cssSelector("#pc-banner button")).stream()
                .map(b -> b.getText()).toList();
        assertEquals(List.of("Accept all", "Refuse all", "Customize"), buttons);
        assertEquals(List.of(), browser.standInsRan(), "no stand-in runs before a choice");
        assertEquals(List.of(), browser.requested("/demo/stand-ins/"), "no third-party request before a choice");
        assertTrue(browser.present("[data-service=youtube-video].pc-h"), "the video shows a placeholder");

        browser.click("#pc-banner button:nth-child(2)");
        browser.until(d -> browser.choiceCookie() != null && !browser.present("#pc-banner"));
        ConsentProof proof = last(browser.visitor());
        assertEquals(ConsentAction.REFUSE_ALL, proof.action);
        assertEquals(Map.of(false, 4L), countByDecision(proof), "every service that needs consent refused");
        assertEquals(List.of(), browser.standInsRan());
    }

    @Test
    void allowingOneServiceInThePanelRunsThatOneOnlyAndAReloadKeepsTheChoiceWithoutCallingTheServer()
            throws InterruptedException {
        browser.firstVisit(demo.toString());
        browser.click("#pc-banner button:nth-child(3)");
        browser.click("[data-service-row=google-analytics] .pc-y");
        browser.click("#pc-panel .pc-r button:nth-child(3)");
        browser.until(d -> browser.standInsRan().contains("analytics"));
        // Nothing else starts afterwards: the allowed service only, held for half a second.
        await("the allowed service only").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> browser.standInsRan().equals(List.of("analytics")));
        ConsentProof proof = last(browser.visitor());
        assertEquals(ConsentAction.CUSTOM, proof.action);
        assertEquals(true, proof.decisions.get("google-analytics"));
        assertEquals(false, proof.decisions.get("youtube-video"));

        browser.driver.navigate().refresh();
        browser.until(d -> browser.standInsRan().contains("analytics"));
        assertFalse(browser.present("#pc-banner"), "the choice holds: no banner");
        assertEquals(List.of(), browser.requested("/api/"), "the banner decided from its cookie alone");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> proofs.count("visitorId", browser.visitor())));
    }

    @Test
    void aRefusedEmbedShowsAPlaceholderThatAllowsThatServiceOnly() throws InterruptedException {
        browser.firstVisit(demo.toString());
        browser.click("#pc-banner button:nth-child(2)");
        browser.until(d -> browser.choiceCookie() != null);
        browser.click("[data-service=youtube-video].pc-h button");
        browser.until(d -> browser.standInsRan().contains("video"));
        await("that service only").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> browser.standInsRan().equals(List.of("video")));
        assertEquals(true, last(browser.visitor()).decisions.get("youtube-video"));
        assertEquals(false, last(browser.visitor()).decisions.get("google-maps"));
    }

    @Test
    void aBrowserWithGlobalPrivacyControlGetsRefusalsWithoutBeingAsked() {
        Object script = browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: function () { return true; }});"));
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
        try {
            browser.firstVisit(demo.toString());
            browser.until(d -> browser.choiceCookie() != null);
            ConsentProof proof = last(browser.visitor());
            assertEquals(ConsentAction.GPC, proof.action);
            assertTrue(proof.gpc);
            assertEquals(Map.of(false, 4L), countByDecision(proof));
            assertFalse(browser.present("#pc-banner"));
            assertEquals(List.of(), browser.standInsRan());
        } finally {
            browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", ((Map<?, ?>) script).get("identifier")));
            browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }

    @Test
    void withdrawalFromTheServiceManagementPanelStopsEveryService() {
        browser.firstVisit(demo.toString());
        browser.click("#pc-banner button:nth-child(1)");
        browser.until(d -> browser.standInsRan().containsAll(List.of("analytics", "social", "video", "map")));
        UUID visitor = browser.visitor();
        // The site listens as docs/consent.md says, and keeps what it heard where a reload does not erase it.
        browser.driver.executeScript("sessionStorage.clear(); window.beforeWithdrawal = true;"
                + "PrivacyConsent.onChange(function (d) { sessionStorage.setItem('onChange', JSON.stringify(d)); });"
                + "document.addEventListener('privacyconsent', function (e) {"
                + " sessionStorage.setItem('event', JSON.stringify(e.detail)); });");

        browser.click("#pc-manage");
        browser.click("#pc-panel .pc-r button:nth-child(2)");
        browser.until(d -> last(visitor).action == ConsentAction.WITHDRAW);
        browser.until(d -> browser.present("#pc-manage") && browser.choiceCookie().get("g").asText().equals("WITHDRAW"));
        browser.until(d -> browser.driver.executeScript("return window.beforeWithdrawal") == null);
        for (String heard : List.of("onChange", "event")) {
            Object decisions = browser.driver.executeScript("return JSON.parse(sessionStorage.getItem(arguments[0]))",
                    heard);
            assertTrue(decisions instanceof Map, heard + " ran before the page reloaded");
            assertEquals(false, ((Map<?, ?>) decisions).get("google-analytics"), heard + " told the withdrawal");
        }
        assertEquals(Map.of(false, 4L), countByDecision(last(visitor)));
        browser.driver.navigate().refresh();
        browser.until(d -> browser.present("#pc-manage"));
        assertEquals(List.of(), browser.standInsRan(), "after a withdrawal nothing runs");
    }

    @Test
    void aServiceOfAPurposeThatANewVersionChangedDoesNotRunUntilTheVisitorAnswers() {
        browser.firstVisit(demo.toString());
        browser.click("#pc-banner button:nth-child(1)");
        browser.until(d -> browser.standInsRan().containsAll(List.of("analytics", "social", "video", "map")));
        UUID visitor = browser.visitor();
        String version = "b14-" + UUID.randomUUID().toString().substring(0, 8);
        publish(DEMO, version, "[\"AUDIENCE_MEASUREMENT\"]");
        try {
            browser.driver.navigate().refresh();
            browser.until(d -> browser.present("#pc-banner"));
            assertTrue(browser.driver.findElement(By.id("pc-d")).getText()
                    .endsWith("Our policy changed for: Audience measurement."));
            browser.until(d -> browser.standInsRan().containsAll(List.of("social", "video", "map")));
            assertFalse(browser.standInsRan().contains("analytics"), "the changed purpose's service waits");
            assertEquals(false, browser.driver.executeScript("return PrivacyConsent.get('google-analytics')"));

            browser.click("#pc-banner button:nth-child(1)");
            browser.until(d -> browser.standInsRan().contains("analytics"));
            ConsentProof proof = last(visitor);
            assertEquals(version, proof.policyVersion);
            assertEquals(Map.of(true, 4L), countByDecision(proof), "the other decisions stand");
        } finally {
            restoreDemoVersion();
        }
    }

    @Test
    void aChoiceRefusedBecauseANewVersionWasPublishedAsksAgainOnTheNewVersion() {
        browser.firstVisit(demo.toString());
        browser.until(d -> browser.present("#pc-banner"));
        browser.driver.executeScript("document.getElementById('pc-banner').setAttribute('data-first', '')");
        String version = "b16-" + UUID.randomUUID().toString().substring(0, 8);
        publish(DEMO, version, "[]");
        try {
            browser.click("#pc-banner button:nth-child(1)");
            browser.until(d -> browser.present("#pc-banner:not([data-first])"));
            assertEquals(2, browser.requested("/api/sites/demo/banner").size(), "the banner was loaded again");
            assertEquals(null, browser.choiceCookie(), "nothing was recorded");
            assertEquals(List.of(), browser.standInsRan(), "nothing runs on a refused choice");

            browser.click("#pc-banner button:nth-child(1)");
            browser.until(d -> browser.choiceCookie() != null);
            assertEquals(version, browser.choiceCookie().get("v").asText());
            assertEquals(version, last(browser.visitor()).policyVersion);
            browser.until(d -> browser.standInsRan().containsAll(List.of("analytics", "social", "video", "map")));
        } finally {
            restoreDemoVersion();
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationInTheBannerThePanelOrThePlaceholders() {
        browser.firstVisit(demo.toString());
        browser.until(d -> browser.present("#pc-banner"));
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "banner and placeholders");
        browser.click("#pc-banner button:nth-child(3)");
        browser.until(d -> browser.present("#pc-panel"));
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "Service Management panel");
    }

    /** Screenshots of the banner, the panel and a placeholder in each language, for docs/screenshots. */
    @Test
    void bannerPanelAndPlaceholderAreShownInFrenchAndEnglish() throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        for (String page : List.of("en:", "fr:fr.html")) {
            String language = page.substring(0, 2);
            browser.firstVisit(demo + page.substring(3));
            browser.until(d -> browser.present("#pc-banner"));
            String refuse = browser.driver.findElement(By.cssSelector("#pc-banner button:nth-child(2)")).getText();
            assertEquals(language.equals("fr") ? "Tout refuser" : "Refuse all", refuse);
            shoot(dir.resolve("banner-" + language + ".png"));
            browser.click("#pc-banner button:nth-child(3)");
            browser.until(d -> browser.present("#pc-panel"));
            List<String> essential = browser.driver.findElements(By.cssSelector(
                    "[data-service-row=authentication] strong, [data-service-row=load-balancing] strong,"
                            + " [data-service-row=session] strong, [data-service-row=youtube-video] strong"))
                    .stream().map(WebElement::getText).toList();
            assertEquals(language.equals("fr")
                    ? List.of("Authentification", "Répartition de charge", "Identifiant de session", "Vidéos YouTube")
                    : List.of("Authentication", "Load balancing", "Session identifier", "YouTube videos"), essential);
            shoot(dir.resolve("panel-" + language + ".png"));
            browser.click("#pc-panel .pc-r button:nth-child(2)");
            browser.until(d -> browser.choiceCookie() != null && !browser.present("#pc-panel"));
            WebElement placeholder = browser.driver.findElement(By.cssSelector("[data-service=youtube-video].pc-h"));
            browser.driver.executeScript("arguments[0].scrollIntoView()", placeholder);
            Files.write(dir.resolve("placeholder-" + language + ".png"), placeholder.getScreenshotAs(OutputType.BYTES));
        }
    }

    private void shoot(Path file) throws IOException {
        Files.write(file, browser.driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The demo site back on the reference version that the other tests consent to. The test's version stays
     * published (its proofs refer to it), retired; no test reads the purposes it changed on the demo site.
     */
    private void restoreDemoVersion() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update policy_version set current = false where site_id = 'demo'").executeUpdate();
            em.createNativeQuery("update policy_version set current = true where site_id = 'demo' and version = :v")
                    .setParameter("v", ConsentApi.CURRENT).executeUpdate();
        });
        published.forget(); // changed behind the service: its copy of the versions is loaded again

    }

    private ConsentProof last(UUID visitor) {
        return QuarkusTransaction.requiringNew().call(() -> proofs.findLast(visitor).orElseThrow());
    }

    private static Map<Boolean, Long> countByDecision(ConsentProof proof) {
        return proof.decisions.entrySet().stream().filter(e -> !List.of("session", "authentication",
                "load-balancing", "interface-customisation").contains(e.getKey()))
                .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getValue, java.util.stream.Collectors.counting()));
    }
}
