package eu.privacysuite.contact;

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
        long requests = StoredText.count(database, "contact_request");
        int sent = new BadInputCorpus(base, maxBody.asLongValue()).sendAll(List.of(
                BadInput.post("/api/contact-requests", """
                        {"civility":"MS","firstName":"Jeanne","lastName":"Martin","email":"jeanne@example.fr",
                         "phone":"05 53 69 22 00","postalAddress":"1 rue de la Paix\\n75002 Paris","country":"FR",
                         "message":"Please call me back","visitorId":"%s"}
                        """.formatted(UUID.randomUUID())).multiline("message", "postalAddress")));
        assertEquals(requests, StoredText.count(database, "contact_request"), "a bad input stored a contact request");
        assertEquals(List.of(), StoredText.rowsHolding(database, BadInputCorpus.MARK));
        System.out.println(sent + " bad inputs refused");
    }

    @Test
    void apiDocumentNamesEveryOperationItsTokenAndItsProblems() throws Exception {
        assertEquals(List.of(), ApiDocumentCheck.faultsOfServedDocument(management, "contact-service"));
    }
}
