package eu.privacysuite.retention;

import java.util.List;

import eu.privacysuite.testing.BadInput;
import eu.privacysuite.testing.BadInputAtTheDoorTestBase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputAtTheDoorTest extends BadInputAtTheDoorTestBase {

    @Override
    protected List<BadInput> routes() {
        return List.of(
                BadInput.get("/api/retention/schedule"),
                BadInput.get("/api/retention/ledger/summary"));
    }

    @Override
    protected List<String> guardedTables() {
        return List.of();
    }
}
