package eu.privacysuite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * The door checks of every service (docs/decisions/0009): each bad input of the corpus gets a problem that echoes
 * nothing and stores nothing, and the served API document names every operation, its token and its problems. A
 * service's {@code @QuarkusTest} extends it and lists its own routes and tables.
 */
public abstract class BadInputAtTheDoorTestBase {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    protected URL management;

    @TestHTTPResource("/")
    protected URI base;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    protected MemorySize maxBody;

    @ConfigProperty(name = "quarkus.application.name")
    protected String service;

    @Inject
    protected DataSource database;

    /** The valid requests of this service the corpus spoils. */
    protected abstract List<BadInput> routes();

    /** The tables a bad input must not add a row to. */
    protected abstract List<String> guardedTables();

    @Test
    void everyBadInputGetsAProblemThatEchoesNothingAndNothingIsStored() {
        Map<String, Long> before = counts();
        int sent = new BadInputCorpus(base, maxBody.asLongValue()).sendAll(routes());
        assertEquals(before, counts(), "a bad input stored a row");
        assertEquals(List.of(), StoredText.rowsHolding(database, BadInputCorpus.MARK));
        System.out.println(sent + " bad inputs refused");
    }

    @Test
    void apiDocumentNamesEveryOperationItsTokenAndItsProblems() throws Exception {
        assertEquals(List.of(), ApiDocumentCheck.faultsOfServedDocument(management, service));
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        guardedTables().forEach(table -> counts.put(table, StoredText.count(database, table)));
        return counts;
    }
}
