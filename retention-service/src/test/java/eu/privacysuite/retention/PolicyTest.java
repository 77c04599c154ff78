package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import eu.privacysuite.retention.config.FeedCheck;
import eu.privacysuite.retention.config.RetentionSchedule;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The schedule as the privacy notice publishes it: JSON, and a table in English and French. */
@QuarkusTest
class PolicyTest {

    @Inject
    RetentionSchedule schedule;

    @Test
    void policiesGiveEachCategoryItsRuleLegalBasisAndWhetherAServiceFeedsIt() {
        given().get("/api/retention/policies").then().statusCode(200)
                .body("find { it.category == 'PROSPECT' }.keep", equalTo("P3Y"))
                .body("find { it.category == 'PROSPECT' }.fed", equalTo(true))
                .body("find { it.category == 'PROSPECT' }.legalBasis.fr", startsWith("Intérêt légitime"))
                .body("find { it.category == 'COOKIE_CONSENT' }.description.en", equalTo("Proofs of cookie choices"))
                .body("find { it.category == 'CLIENT_ACCOUNTING' }.fed", equalTo(false)) // no test feeds it
                .body("find { it.category == 'NEWSLETTER' }.fed", equalTo(true))
                .body("find { it.category == 'MINOR_HOLD' }.fed", equalTo(true));
    }

    @Test
    void theStartUpReportNamesTheCategoriesNoServiceFeeds() {
        // dsr-service feeds IDENTITY_DOCUMENT (its identity documents' clock starts when the request closes).
        List<String> external = List.of("CLIENT_ACCOUNTING", "CLIENT_ACTIVE", "CLIENT_IDLE", "SERVER_LOG");
        org.junit.jupiter.api.Assertions.assertEquals(external, FeedCheck.unfed(schedule, List.of(), Set.of()));
        // Declared as handled outside the ledger, or received over the signed feed: no longer reported.
        org.junit.jupiter.api.Assertions.assertEquals(List.of("CLIENT_ACCOUNTING", "CLIENT_ACTIVE"),
                FeedCheck.unfed(schedule, List.of("SERVER_LOG"), Set.of("CLIENT_IDLE")));
    }

    @Test
    void thePrivacyNoticeTableComesInFrenchAsMarkdownAndInEnglishAsHtml() {
        given().accept("text/markdown").queryParam("lang", "fr").get("/api/retention/policies").then().statusCode(200)
                .body(startsWith("| Données | Durée de conservation | À compter de | Ensuite | Base légale |"))
                .body(containsString("| Prospects et leurs demandes de contact | 3 ans | la collecte ou le dernier contact | supprimées |"))
                .body(containsString("| Preuves des choix de cookies | 13 mois |"));
        given().accept("text/html").get("/api/retention/policies").then().statusCode(200)
                .body(containsString("<th>Kept for</th>"))
                .body(containsString("<td>Prospects and their contact requests</td><td>3 years</td><td>collection or last contact</td><td>deleted</td>"));
        given().accept("text/markdown").queryParam("lang", "de").get("/api/retention/policies").then().statusCode(400);
    }
}
