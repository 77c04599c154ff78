package eu.privacysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.SuiteService;

/**
 * Retention enforced across the suite, with the short schedule the README shows: a prospect, a consent proof and
 * a closed DSR case kept 20 seconds, swept every 5. Each owner purges on retention-service's order; afterwards
 * the data is gone from the owners and the ledger, and the evidence names the purges but nobody.
 */
class RetentionAcrossTheSuiteIT extends AcrossTheSuite {

    private static final Map<String, String> SHORT_SCHEDULE = Map.of(
            "RETENTION_CATEGORIES_PROSPECT_KEEP", "PT20S",
            "RETENTION_CATEGORIES_COOKIE_CONSENT_KEEP", "PT20S",
            "RETENTION_CATEGORIES_DSR_CASE_KEEP", "PT20S",
            "PRIVACY_RETENTION_GRACE", "PT0S",
            "PRIVACY_RETENTION_SWEEP_CRON", "0/5 * * * * ?");

    RetentionAcrossTheSuiteIT() {
        super("e2e-retention-stack", 20, "e2er_", SHORT_SCHEDULE);
    }

    @Test
    void anExpiredProspectConsentProofAndClosedCaseArePurgedByTheirOwnersWithEvidence() throws Exception {
        String email = "Rosalie.Fontanges-" + UUID.randomUUID() + "@Example.org";
        JsonNode consent = http.firstChoice("CUSTOM", """
                {"google-analytics":true}""");
        String proofId = consent.get("id").asText();
        String visitorId = consent.get("visitorId").asText();
        HttpResponse<String> contact = http.post(SuiteService.CONTACT, "/api/contact-requests", null, """
                {"civility":"MS","firstName":"Rosalie","lastName":"Fontanges","email":"%s","phone":"05 53 69 22 00",
                 "country":"FR","message":"Rappelez-moi.","visitorId":"%s"}
                """.formatted(email, visitorId));
        assertEquals(201, contact.statusCode(), contact.body());
        // A token for each call, as the other classes do: KeyRotationIT may rotate the realm's key meanwhile.
        HttpResponse<String> dsr = http.post(SuiteService.DSR, "/api/requests", stack.tokens().token(ControllerTokens.CONTROLLER), """
                {"type":"ERASURE","subject":{"email":"nobody-%s@example.org","firstName":"No","lastName":"Body"}}
                """.formatted(UUID.randomUUID()));
        assertEquals(201, dsr.statusCode(), dsr.body());
        String caseId = SuiteHttp.json(dsr.body()).get("id").asText();
        HttpResponse<String> verified = http.post(SuiteService.DSR, "/api/requests/" + caseId + "/identity",
                stack.tokens().token(ControllerTokens.CONTROLLER), """
                {"verified":true,"method":"DOCUMENT"}
                """);
        assertEquals(200, verified.statusCode(), verified.body());
        // Each submission is its own contact request, with its own PROSPECT clock (nobody confirmed it here).
        String prospectId = SuiteHttp.json(contact.body()).get("id").asText();

        // Each owner deletes its record on its order; the ledger forgets each once the owner reported.
        Eventually.until("the contact request purged", Duration.ofSeconds(120),
                () -> db.count(prefix + "contact", "select count(*) from contact_request where id = ?::uuid", prospectId)
                        + db.count(prefix + "contact", "select count(*) from contact_request where email = ?", email),
                n -> n == 0);
        Eventually.until("the consent proof purged", Duration.ofSeconds(120),
                () -> db.count(prefix + "consent", "select count(*) from consent_proof where id = ?::uuid", proofId), n -> n == 0);
        Eventually.until("the closed DSR case purged", Duration.ofSeconds(120),
                () -> db.count(prefix + "dsr", "select count(*) from dsr_request where id = ?::uuid", caseId), n -> n == 0);
        Eventually.until("the ledger settled", Duration.ofSeconds(60),
                () -> db.count(prefix + "retention", "select count(*) from retention_clock where record_id in (?, ?, ?)",
                        prospectId, proofId, caseId), n -> n == 0);

        JsonNode evidence = http.get(SuiteService.RETENTION, "/api/retention/evidence?size=500",
                stack.tokens().token(ControllerTokens.AUDITOR));
        Set<String> purgedCategories = StreamSupport.stream(evidence.get("items").spliterator(), false)
                .filter(e -> e.get("purged").asInt() > 0).map(e -> e.get("category").asText()).collect(Collectors.toSet());
        assertTrue(purgedCategories.containsAll(Set.of("PROSPECT", "COOKIE_CONSENT", "DSR_CASE")), evidence.toString());
        String text = evidence.toString().toLowerCase();
        for (String personal : new String[] { email.toLowerCase(), "fontanges", prospectId, proofId, caseId, visitorId }) {
            assertFalse(text.contains(personal.toLowerCase()), "evidence names " + personal);
        }
        assertEquals(0, http.get(SuiteService.RETENTION, "/api/retention/orders?status=failed",
                stack.tokens().token(ControllerTokens.AUDITOR)).size());
    }
}
