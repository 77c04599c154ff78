package eu.privacysuite.dsr;

import java.util.List;
import java.util.UUID;

import eu.privacysuite.testing.BadInput;
import eu.privacysuite.testing.BadInputAtTheDoorTestBase;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputAtTheDoorTest extends BadInputAtTheDoorTestBase {

    @Override
    protected List<BadInput> routes() {
        String token = "Bearer " + TestTokens.controller();
        return List.of(
                BadInput.post("/api/requests", """
                        {"type":"ERASURE","subject":{"email":"jeanne@example.fr","firstName":"Jeanne","lastName":"Martin"},
                         "visitorIds":["%s"]}
                        """.formatted(UUID.randomUUID())).header("Authorization", token),
                BadInput.get("/api/requests/" + UUID.randomUUID()).withPathId().header("Authorization", token),
                BadInput.get("/api/requests/" + UUID.randomUUID() + "/audit").header("Authorization", token),
                BadInput.get("/api/requests").query("status", "COMPLETED").query("limit", "10")
                        .header("Authorization", token));
    }

    /** A bad input stores no request and leaves no audit entry. */
    @Override
    protected List<String> guardedTables() {
        return List.of("dsr_request", "dsr_audit");
    }
}
