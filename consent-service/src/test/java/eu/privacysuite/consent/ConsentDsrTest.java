package eu.privacysuite.consent;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.VisitorLink;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.SubjectLinked;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.events.BreachScope;
import eu.privacysuite.shared.dsr.AffectedPerson;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.DsrBus;
import eu.privacysuite.testing.PurgeOrderProbe;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** consent-service answers every data-subject request sent on the bus: export, re-keying, restriction, objection. */
@QuarkusTest
class ConsentDsrTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    SealedExports sealed;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    ConsentProofRepository proofs;

    @Test
    void accessExportsTheProofsOfLinkedAndNamedVisitorsAndTheLinksInPartsAndAgainWhenRedelivered() throws Exception {
        String subjectKey = subjectKeys.forEmail("access." + UUID.randomUUID() + "@example.fr");
        JsonPath first = ConsentApi.give(ConsentApi.DEMO, null, ConsentApi.CURRENT, "ACCEPT_ALL", "{}");
        UUID linked = UUID.fromString(first.getString("visitorId"));
        ConsentApi.give(ConsentApi.DEMO, first.getString("visitorToken"), ConsentApi.CURRENT, "CUSTOM",
                "{\"facebook\":true}");
        JsonPath namedProof = ConsentApi.give("{}");
        ConsentApi.give("{\"facebook\":true}"); // a stranger's choice
        DsrBus dsr = new DsrBus("consent-service", mapper, sealed);
        link(dsr, subjectKey, linked);

        EventEnvelope command = dsr.command(subjectKey, DsrAction.ACCESS, List.of(namedProof.getString("visitorId")), null);
        dsr.send(command);
        List<JsonNode> parts = dsr.exportParts(command);
        assertTrue(parts.size() > 1, "the test profile cuts exports at 2048 characters");
        assertEquals(3 + 3 * 8 + 1, parts.get(0).get("recordCount").asLong(),
                "3 proofs, their 8 decisions each (4 services and 4 essential ones), 1 link");
        SubjectExport export = dsr.open(command, parts);
        assertEquals(List.of("consent-proofs", "consent-decisions", "visitor-links"),
                export.categories().stream().map(ExportCategory::name).toList());

        ExportCategory proofCategory = export.categories().get(0);
        assertEquals("COOKIE_CONSENT", proofCategory.retentionCategory());
        assertTrue(proofCategory.purpose().contains("You can accept or refuse the deposit of cookies"));
        assertTrue(proofCategory.legalBasis().contains("legal obligation incumbent on the controller"));
        Map<String, Object> proof = proofCategory.records().stream()
                .filter(r -> first.getString("id").equals(r.get("id"))).findFirst().orElseThrow();
        assertEquals(List.of("id", "site", "visitorId", "seq", "action", "policyVersion", "language", "givenAt",
                "askAgainAt", "expiresAt", "gpc", "ipPrefix", "browserFamily"), List.copyOf(proof.keySet()));
        assertEquals("ACCEPT_ALL", proof.get("action"));
        assertEquals("2018-05-25", proof.get("policyVersion"));
        assertEquals(linked.toString(), proof.get("visitorId"));
        Instant.parse((String) proof.get("givenAt"));
        Instant.parse((String) proof.get("expiresAt"));
        Map<String, Object> analytics = export.categories().get(1).records().stream()
                .filter(r -> first.getString("id").equals(r.get("proofId")) && "google-analytics".equals(r.get("service")))
                .findFirst().orElseThrow();
        assertEquals(List.of("proofId", "site", "service", "serviceName", "serviceCategory", "accepted"),
                List.copyOf(analytics.keySet()));
        assertEquals("AUDIENCE_MEASUREMENT", analytics.get("serviceCategory"));
        assertEquals(true, analytics.get("accepted"));
        Map<String, Object> link = export.categories().get(2).records().get(0);
        assertEquals(linked.toString(), link.get("visitorId"));
        assertEquals(false, link.get("restricted"));
        String json = mapper.writeValueAsString(export);
        assertFalse(json.contains("\"hash\"") || json.contains("prevHash") || json.contains(subjectKey),
                "no hash chain and no subject key in the export");

        dsr.send(command);
        List<JsonNode> all = dsr.replies(command, 2 * parts.size());
        assertEquals(export, dsr.open(command, all.subList(parts.size(), all.size())), "exported again");
    }

    @Test
    void portabilityExportsWhatAccessDoesAndTheStatementActionsChangeNothing() {
        String subjectKey = subjectKeys.forEmail("portable." + UUID.randomUUID() + "@example.fr");
        JsonPath given = ConsentApi.give("{\"facebook\":true}");
        DsrBus dsr = new DsrBus("consent-service", mapper, sealed);
        link(dsr, subjectKey, UUID.fromString(given.getString("visitorId")));
        EventEnvelope command = dsr.command(subjectKey, DsrAction.PORTABILITY, List.of(), null);
        dsr.send(command);
        SubjectExport export = dsr.open(command, dsr.exportParts(command));
        assertEquals(List.of("consent-proofs", "consent-decisions", "visitor-links"),
                export.categories().stream().map(ExportCategory::name).toList());
        assertEquals(given.getString("id"), export.categories().get(0).records().get(0).get("id"));

        assertEquals("NOTHING_FOUND", dsr.act(subjectKey, DsrAction.AUTOMATED_DECISION, null).get("outcome").asText());
        assertEquals("NOTHING_FOUND", dsr.act(subjectKey, DsrAction.POST_MORTEM_DIRECTIVE, null).get("outcome").asText());
        ConsentApi.current(ConsentApi.DEMO, given.getString("visitorToken")).then().statusCode(200)
                .body("action", equalTo("CUSTOM"));
        assertEquals(1, links(subjectKey).size());
    }

    @Test
    void objectionRecordsAProofRefusingTheMarketingServicesAndKeepsTheOtherChoices() {
        String subjectKey = subjectKeys.forEmail("objects." + UUID.randomUUID() + "@example.fr");
        JsonPath marketing = ConsentApi.give("{\"google-analytics\":true,\"facebook\":true,\"google-maps\":true}");
        JsonPath analyticsOnly = ConsentApi.give("{\"google-analytics\":true}");
        DsrBus dsr = new DsrBus("consent-service", mapper, sealed);
        link(dsr, subjectKey, UUID.fromString(marketing.getString("visitorId")));
        link(dsr, subjectKey, UUID.fromString(analyticsOnly.getString("visitorId")));

        JsonNode reply = dsr.act(subjectKey, DsrAction.OBJECTION, null);
        assertEquals("DONE", reply.get("outcome").asText());
        assertEquals(1, reply.get("recordCount").asLong(), "one visitor had accepted a marketing service");
        JsonPath now = ConsentApi.current(ConsentApi.DEMO, marketing.getString("visitorToken")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("OBJECTION", now.getString("action"));
        assertEquals(Map.of("google-analytics", true, "facebook", false, "google-maps", false, "youtube-video", false,
                "session", true, "authentication", true, "load-balancing", true, "interface-customisation", true),
                now.getMap("decisions"));
        assertEquals(marketing.getString("expiresAt"), now.getString("expiresAt"), "an objection never extends a consent");
        ConsentApi.as(TestTokens.controller()).get("/api/consents/proofs?visitor=" + marketing.getString("visitorId"))
                .then().statusCode(200).body("check.intact", equalTo(true)).body("proofs.size()", equalTo(2));
        ConsentApi.current(ConsentApi.DEMO, analyticsOnly.getString("visitorToken")).then().statusCode(200)
                .body("action", equalTo("CUSTOM"));
        dsr.bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(now.getString("id"))
                && r.value().contains("CONSENT_GIVEN"), Duration.ofSeconds(20));

        assertEquals("NOTHING_FOUND", dsr.act(subjectKey, DsrAction.OBJECTION, null).get("outcome").asText(),
                "nothing is left to refuse");
        ConsentApi.post(ConsentApi.DEMO, marketing.getString("visitorToken"), ConsentApi.CURRENT, "OBJECTION", "{}",
                Map.of()).then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void restrictionKeepsTheProofsFromPurgesFollowsAChangedEmailAndIsLifted() {
        String subjectKey = subjectKeys.forEmail("restricted." + UUID.randomUUID() + "@example.fr");
        String newEmail = "corrected." + UUID.randomUUID() + "@example.fr";
        String newKey = subjectKeys.forEmail(newEmail);
        JsonPath given = ConsentApi.give("{\"google-analytics\":true}");
        UUID visitor = UUID.fromString(given.getString("visitorId"));
        DsrBus dsr = new DsrBus("consent-service", mapper, sealed);
        link(dsr, subjectKey, visitor);

        JsonNode restricted = dsr.act(subjectKey, DsrAction.RESTRICTION, null);
        assertEquals("DONE", restricted.get("outcome").asText());
        assertNotNull(links(subjectKey).get(0).restrictedAt);
        PurgeReport held = purge(given.getString("id"));
        assertEquals(List.of(given.getString("id")), held.held(), "a restricted subject's proof is kept");

        // A browser linked later comes restricted; a changed email takes both links along.
        UUID later = UUID.randomUUID();
        link(dsr, subjectKey, later);
        assertTrue(links(subjectKey).stream().allMatch(l -> l.restrictedAt != null));
        JsonNode rectified = dsr.act(subjectKey, DsrAction.RECTIFICATION,
                new Corrections(newEmail, null, null, null, null, null, null));
        assertEquals("DONE", rectified.get("outcome").asText());
        assertEquals(0, links(subjectKey).size());
        assertEquals(2, rectified.get("recordCount").asLong());
        assertEquals(2, links(newKey).size());

        JsonNode lifted = dsr.act(newKey, DsrAction.RESTRICTION_LIFTED, null);
        assertEquals("DONE", lifted.get("outcome").asText());
        assertEquals(2, lifted.get("recordCount").asLong());
        assertTrue(links(newKey).stream().allMatch(l -> l.restrictedAt == null));
        assertEquals(List.of(given.getString("id")), purge(given.getString("id")).purged(), "purged once lifted");
    }

    private PurgeReport purge(String proofId) {
        ConsentProof proof = QuarkusTransaction.requiringNew().call(() -> proofs.findById(UUID.fromString(proofId)));
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);
        String order = retention.order("consent-service", "COOKIE_CONSENT", PurgeAction.DELETE, List.of(proofId),
                proof.givenAt);
        retention.send(order);
        return retention.awaitReport(retention.orderId(order), 1, Duration.ofSeconds(30));
    }

    @Test
    void aBreachScopeIsAnsweredWithTheKeysOfTheSubjectsLinkedToAProofGivenInTheWindowAndNoAddress() {
        String inside = subjectKeys.forEmail("breach.in." + UUID.randomUUID() + "@example.fr");
        String after = subjectKeys.forEmail("breach.after." + UUID.randomUUID() + "@example.fr");
        JsonPath first = ConsentApi.give("{}");
        JsonPath later = ConsentApi.give("{\"facebook\":true}");
        ConsentApi.give("{}"); // a visitor linked to nobody
        DsrBus dsr = new DsrBus("consent-service", mapper, sealed);
        link(dsr, inside, UUID.fromString(first.getString("visitorId")));
        link(dsr, after, UUID.fromString(later.getString("visitorId")));
        Instant from = givenAt(first.getString("id"));
        Instant until = givenAt(later.getString("id"));
        assertTrue(from.isBefore(until));

        UUID breach = UUID.randomUUID();
        EventEnvelope consents = dsr.breachScope(new BreachScope(breach, false, List.of("COOKIE_CONSENT"), from, until));
        dsr.send(consents);
        List<AffectedPerson> people = dsr.people(consents);
        assertEquals(List.of(new AffectedPerson(inside, "COOKIE_CONSENT", null, null)),
                people.stream().filter(p -> p.subjectKey().equals(inside) || p.subjectKey().equals(after)).toList(),
                "the subject linked to the proof in the window, by key alone; not the one after it");

        EventEnvelope everyone = dsr.breachScope(new BreachScope(breach, true, List.of(), null, null));
        dsr.send(everyone);
        assertTrue(dsr.people(everyone).stream().map(AffectedPerson::subjectKey).toList()
                .containsAll(List.of(inside, after)));

        EventEnvelope prospects = dsr.breachScope(new BreachScope(breach, false, List.of("PROSPECT"), null, null));
        dsr.send(prospects);
        assertEquals("NOTHING_FOUND", dsr.replies(prospects, 1).get(0).get("outcome").asText());
    }

    private Instant givenAt(String proofId) {
        return QuarkusTransaction.requiringNew().call(() -> proofs.findById(UUID.fromString(proofId)).givenAt);
    }

    private void link(DsrBus dsr, String subjectKey, UUID visitor) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventTypes.SUBJECT_LINKED, 1, Instant.now(), "test",
                UUID.randomUUID().toString(), subjectKey,
                mapper.valueToTree(new SubjectLinked(subjectKey, visitor.toString())));
        try {
            dsr.bus.send(Topics.SUBJECT_LINKS, subjectKey, mapper.writeValueAsString(envelope));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await("the link is stored").atMost(Duration.ofSeconds(30))
                .until(() -> links(subjectKey).stream().anyMatch(l -> l.visitorId.equals(visitor)));
    }

    private static List<VisitorLink> links(String subjectKey) {
        return QuarkusTransaction.requiringNew().call(
                () -> VisitorLink.<VisitorLink>list("subjectKey", io.quarkus.panache.common.Sort.by("linkedAt"), subjectKey));
    }
}
