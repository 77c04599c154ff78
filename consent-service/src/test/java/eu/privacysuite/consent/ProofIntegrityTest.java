package eu.privacysuite.consent;

import static eu.privacysuite.consent.ConsentApi.CURRENT;
import static eu.privacysuite.consent.ConsentApi.DEMO;
import static eu.privacysuite.consent.ConsentApi.as;
import static eu.privacysuite.consent.ConsentApi.give;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import eu.privacysuite.consent.service.ConsentErasure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import eu.privacysuite.testing.TestTokens;

/** Proofs a regulator can trust: append-only, chained per visitor, covered by signed digests, checked on demand. */
@QuarkusTest
class ProofIntegrityTest {

    @Inject
    EntityManager em;

    @Inject
    ConsentErasure erasure;

    @Test
    void aVisitorsProofsFormAnIntactChainTheAuditorCanCheck() {
        JsonPath first = give("{\"google-analytics\":true}");
        String token = first.getString("visitorToken");
        give(DEMO, token, CURRENT, "CUSTOM", "{\"facebook\":true}");
        give(DEMO, token, CURRENT, "WITHDRAW", "{}");

        as(TestTokens.auditor()).get("/api/consents/proofs?visitor=" + first.getString("visitorId")).then()
                .statusCode(200).body("check.intact", equalTo(true)).body("proofs", hasSize(3))
                .body("proofs.seq", equalTo(List.of(1, 2, 3)))
                .body("proofs.action", equalTo(List.of("CUSTOM", "CUSTOM", "WITHDRAW")))
                .body("proofs[0].ipPrefix", equalTo("127.0.0.0/24"))
                .body("proofs[1].prevHash", equalTo(proofHash(first.getString("id"))));
        given().get("/api/consents/proofs?visitor=" + first.getString("visitorId")).then().statusCode(401)
                .contentType("application/problem+json");
        as(TestTokens.withGroups(java.util.Set.of("someone-else"))).get("/api/consents/proofs?visitor="
                + first.getString("visitorId")).then().statusCode(403);
    }

    @Test
    void aProofCannotBeUpdatedAndATamperedOrDeletedRowIsFound() {
        JsonPath first = give("{\"google-analytics\":false}");
        String token = first.getString("visitorToken");
        String visitor = first.getString("visitorId");
        JsonPath second = give(DEMO, token, CURRENT, "CUSTOM", "{\"google-analytics\":false}");
        give(DEMO, token, CURRENT, "CUSTOM", "{\"facebook\":false}");

        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update consent_proof set action = 'ACCEPT_ALL' where id = cast(:id as uuid)")
                .setParameter("id", first.getString("id")).executeUpdate()), "the table refuses updates");

        // Someone with the database's owner rights turns the trigger off and turns a refusal into consent.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("set local session_replication_role = replica").executeUpdate();
            em.createNativeQuery("update consent_proof set decisions = jsonb_set(decisions, '{google-analytics}', 'true')"
                    + " where id = cast(:id as uuid)").setParameter("id", first.getString("id")).executeUpdate();
        });
        as(TestTokens.auditor()).get("/api/consents/proofs?visitor=" + visitor).then().statusCode(200)
                .body("check.intact", equalTo(false))
                .body("check.problems", hasItem(containsString(first.getString("id") + " does not match its hash")));

        // A proof taken out of the middle of a chain shows too.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from consent_proof where id = cast(:id as uuid)")
                .setParameter("id", second.getString("id")).executeUpdate());
        as(TestTokens.auditor()).get("/api/consents/proofs?visitor=" + visitor).then().statusCode(200)
                .body("check.problems", hasItem(containsString("a proof between them is missing")));
    }

    @Test
    void aSignedDigestCoversNewProofsAndShowsADeletionOutsideAnErasureButNotAnErasure() {
        // Earlier tests' proofs (one of them tampered with) go into a digest of their own first.
        as(TestTokens.controller()).post("/api/consents/digests");
        JsonPath kept = give("{}");
        JsonPath deletedByHand = give("{}");
        JsonPath erased = give("{}");
        int covered = as(TestTokens.controller()).post("/api/consents/digests").then().statusCode(201)
                .body("check.intact", equalTo(true)).body("signature", org.hamcrest.Matchers.notNullValue())
                .extract().path("id");
        as(TestTokens.auditor()).post("/api/consents/digests").then().statusCode(403);
        as(TestTokens.controller()).post("/api/consents/digests").then().statusCode(204);

        QuarkusTransaction.requiringNew().run(() -> erasure.deleteProofsOf(List.of(UUID.fromString(erased.getString("visitorId")))));
        as(TestTokens.auditor()).get("/api/consents/digests/" + covered).then().statusCode(200)
                .body("check.intact", equalTo(true));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from consent_proof where id = cast(:id as uuid)")
                .setParameter("id", deletedByHand.getString("id")).executeUpdate());
        as(TestTokens.auditor()).get("/api/consents/digests/" + covered).then().statusCode(200)
                .body("check.intact", equalTo(false))
                .body("check.problems", equalTo(List.of("proof " + deletedByHand.getString("id")
                        + " was deleted outside an erasure or purge")));
        as(TestTokens.auditor()).get("/api/consents/proofs?visitor=" + kept.getString("visitorId")).then()
                .body("proofs[0].digestId", equalTo(covered));
    }

    @Test
    void theAuditExportCoversASiteAndAPeriodWithItsDigestsChecked() {
        JsonPath proof = give("{\"google-maps\":true}");
        as(TestTokens.controller()).post("/api/consents/digests").then().statusCode(201);
        as(TestTokens.auditor()).get("/api/consents/export?site=demo&from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")
                .then().statusCode(200).body("site", equalTo(DEMO))
                .body("proofs.id", hasItem(proof.getString("id")))
                .body("digests", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
        as(TestTokens.auditor()).get("/api/consents/export?site=demo&from=yesterday&to=2100-01-01T00:00:00Z")
                .then().statusCode(422).body("errors.field", hasItem("from"));
        as(TestTokens.auditor()).get("/api/consents/export?site=demo&from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")
                .then().body("proofs.site", org.hamcrest.Matchers.everyItem(equalTo(DEMO)));
    }

    private String proofHash(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select hash from consent_proof where id = cast(:id as uuid)").setParameter("id", id).getSingleResult());
    }
}
