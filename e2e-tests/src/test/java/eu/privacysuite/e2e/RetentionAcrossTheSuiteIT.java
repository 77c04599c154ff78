package eu.privacysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.LocalStack;
import eu.privacysuite.localstack.StackSettings;
import eu.privacysuite.localstack.SuiteService;
import eu.privacysuite.testing.SuitePlatformResource;

/**
 * Retention enforced across the suite, with the short schedule the README shows: a prospect, a consent proof and
 * a closed DSR case kept 20 seconds, swept every 5. Each owner purges on retention-service's order; afterwards
 * the data is gone from the owners and the ledger, and the evidence names the purges but nobody.
 */
class RetentionAcrossTheSuiteIT {

    private static final String PREFIX = SuitePlatformResource.databasePrefix() + "e2er_";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> SHORT_SCHEDULE = Map.of(
            "RETENTION_CATEGORIES_PROSPECT_KEEP", "PT20S",
            "RETENTION_CATEGORIES_COOKIE_CONSENT_KEEP", "PT20S",
            "RETENTION_CATEGORIES_DSR_CASE_KEEP", "PT20S",
            "PRIVACY_RETENTION_GRACE", "PT0S",
            "PRIVACY_RETENTION_SWEEP_CRON", "0/5 * * * * ?");
    private static LocalStack stack;
    private static SuiteDatabases db;

    @BeforeAll
    static void startTheSuite() throws IOException {
        Path repo = Path.of(System.getProperty("privacy.repo", "..")).toAbsolutePath().normalize();
        Path data = repo.resolve("e2e-tests/target/e2e-retention-stack");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        int portBase = Integer.parseInt(System.getenv().getOrDefault("PRIVACY_E2E_PORT_BASE", "18080")) + 20;
        stack = LocalStack.start(new StackSettings(repo, data, 0, 0, portBase, PREFIX, true, SHORT_SCHEDULE));
        db = new SuiteDatabases(stack.databases());
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anExpiredProspectConsentProofAndClosedCaseArePurgedByTheirOwnersWithEvidence() throws Exception {
        String email = "Rosalie.Fontanges-" + UUID.randomUUID() + "@Example.org";
        String version = get(SuiteService.CONSENT, "/api/policy-versions/current", null).get("version").asText();
        HttpResponse<String> consent = post(SuiteService.CONSENT, "/api/consents", null, """
                {"site":"demo","policyVersion":"%s","action":"CUSTOM","decisions":{"google-analytics":true}}
                """.formatted(version));
        assertEquals(201, consent.statusCode(), consent.body());
        String proofId = JSON.readTree(consent.body()).get("id").asText();
        String visitorId = JSON.readTree(consent.body()).get("visitorId").asText();
        HttpResponse<String> contact = post(SuiteService.CONTACT, "/api/contact-requests", null, """
                {"civility":"MS","firstName":"Rosalie","lastName":"Fontanges","email":"%s","phone":"05 53 69 22 00",
                 "country":"FR","message":"Rappelez-moi.","visitorId":"%s"}
                """.formatted(email, visitorId));
        assertEquals(201, contact.statusCode(), contact.body());
        String controller = stack.tokens().token(ControllerTokens.CONTROLLER, 10);
        HttpResponse<String> dsr = post(SuiteService.DSR, "/api/requests", controller, """
                {"type":"ERASURE","subject":{"email":"nobody-%s@example.org","firstName":"No","lastName":"Body"}}
                """.formatted(UUID.randomUUID()));
        assertEquals(201, dsr.statusCode(), dsr.body());
        String caseId = JSON.readTree(dsr.body()).get("id").asText();
        HttpResponse<String> verified = post(SuiteService.DSR, "/api/requests/" + caseId + "/identity", controller, """
                {"verified":true,"method":"DOCUMENT"}
                """);
        assertEquals(200, verified.statusCode(), verified.body());
        // Each submission is its own contact request, with its own PROSPECT clock (nobody confirmed it here).
        String prospectId = JSON.readTree(contact.body()).get("id").asText();

        // Each owner deletes its record on its order; the ledger forgets each once the owner reported.
        Eventually.until("the contact request purged", Duration.ofSeconds(120),
                () -> db.count(PREFIX + "contact", "select count(*) from contact_request where id = ?::uuid", prospectId)
                        + db.count(PREFIX + "contact", "select count(*) from contact_request where email = ?", email),
                n -> n == 0);
        Eventually.until("the consent proof purged", Duration.ofSeconds(120),
                () -> db.count(PREFIX + "consent", "select count(*) from consent_proof where id = ?::uuid", proofId), n -> n == 0);
        Eventually.until("the closed DSR case purged", Duration.ofSeconds(120),
                () -> db.count(PREFIX + "dsr", "select count(*) from dsr_request where id = ?::uuid", caseId), n -> n == 0);
        Eventually.until("the ledger settled", Duration.ofSeconds(60),
                () -> db.count(PREFIX + "retention", "select count(*) from retention_clock where record_id in (?, ?, ?)",
                        prospectId, proofId, caseId), n -> n == 0);

        String auditor = stack.tokens().token(ControllerTokens.AUDITOR, 10);
        JsonNode evidence = get(SuiteService.RETENTION, "/api/retention/evidence?size=500", auditor);
        Set<String> purgedCategories = StreamSupport.stream(evidence.get("items").spliterator(), false)
                .filter(e -> e.get("purged").asInt() > 0).map(e -> e.get("category").asText()).collect(Collectors.toSet());
        assertTrue(purgedCategories.containsAll(Set.of("PROSPECT", "COOKIE_CONSENT", "DSR_CASE")), evidence.toString());
        String text = evidence.toString().toLowerCase();
        for (String personal : new String[] { email.toLowerCase(), "fontanges", prospectId, proofId, caseId, visitorId }) {
            assertFalse(text.contains(personal.toLowerCase()), "evidence names " + personal);
        }
        assertEquals(0, get(SuiteService.RETENTION, "/api/retention/orders?status=failed", auditor).size());
    }

    private static JsonNode get(SuiteService service, String path, String token) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.url(service) + path)).GET();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(path, e);
        }
    }

    private static HttpResponse<String> post(SuiteService service, String path, String token, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
