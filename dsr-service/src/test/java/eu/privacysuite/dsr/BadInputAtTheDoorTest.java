package eu.privacysuite.dsr;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.ApiDocumentCheck;
import eu.privacysuite.testing.BadInput;
import eu.privacysuite.testing.BadInputCorpus;
import eu.privacysuite.testing.StoredText;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import eu.privacysuite.testing.TestTokens;

@QuarkusTest
class BadInputAtTheDoorTest {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    @Inject
    DataSource database;

    @Test
    void everyBadInputGetsAProblemThatEchoesNothingAndNothingIsStored() {
        long requests = StoredText.count(database, "dsr_request");
        long audit = StoredText.count(database, "dsr_audit");
        String token = "Bearer " + TestTokens.controller();
        int sent = new BadInputCorpus(base, maxBody.asLongValue()).sendAll(List.of(
                BadInput.post("/api/requests", """
                        {"type":"ERASURE","subject":{"email":"jeanne@example.fr","firstName":"Jeanne","lastName":"Martin"},
                         "visitorIds":["%s"]}
                        """.formatted(UUID.randomUUID())).header("Authorization", token),
                BadInput.get("/api/requests/" + UUID.randomUUID()).withPathId().header("Authorization", token),
                BadInput.get("/api/requests/" + UUID.randomUUID() + "/audit").header("Authorization", token),
                BadInput.get("/api/requests").query("status", "COMPLETED").query("limit", "10")
                        .header("Authorization", token)));
        assertEquals(requests, StoredText.count(database, "dsr_request"), "a bad input stored a request");
        assertEquals(audit, StoredText.count(database, "dsr_audit"), "a bad input left an audit entry");
        assertEquals(List.of(), StoredText.rowsHolding(database, BadInputCorpus.MARK));
        System.out.println(sent + " bad inputs refused");
    }

    @Test
    void apiDocumentNamesEveryOperationItsTokenAndItsProblems() throws Exception {
        assertEquals(List.of(), ApiDocumentCheck.faultsOfServedDocument(management, "dsr-service"));
    }
}
