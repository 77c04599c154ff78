package eu.privacysuite.contact;

import java.util.List;
import java.util.UUID;

import eu.privacysuite.testing.BadInput;
import eu.privacysuite.testing.BadInputAtTheDoorTestBase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputAtTheDoorTest extends BadInputAtTheDoorTestBase {

    @Override
    protected List<BadInput> routes() {
        return List.of(
                BadInput.post("/api/contact-requests", """
                        {"civility":"MS","firstName":"Jeanne","lastName":"Martin","email":"jeanne@example.fr",
                         "phone":"05 53 69 22 00","postalAddress":"1 rue de la Paix\\n75002 Paris","country":"FR",
                         "message":"Please call me back","visitorId":"%s"}
                        """.formatted(UUID.randomUUID())).multiline("message", "postalAddress"),
                // A path with two POST methods that differ by what they produce (JSON, or a page for a browser).
                BadInput.post("/api/confirmations/" + "A".repeat(43), null).withPathId());
    }

    @Override
    protected List<String> guardedTables() {
        return List.of("contact_request");
    }
}
