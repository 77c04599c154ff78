package eu.privacysuite.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpClosedException;

/**
 * A client that closes its connection while its body is read (wrk stopping mid-request, a closed tab) is not a bug
 * of the service: the last-resort mapper answers 400 without an error reference, and anything else still gets 500.
 */
class ClientClosedTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aBodyCutShortByTheClientIsA400() {
        IOException cut = new IOException(new IOException(new HttpClosedException("Connection was closed")));
        Response answer = mappers.unexpected(cut);
        assertEquals(400, answer.getStatus());
    }

    @Test
    void anythingElseUnexpectedIsStillA500() {
        assertEquals(500, mappers.unexpected(new IllegalStateException("a bug")).getStatus());
    }

    @Test
    void theDoorRecognisesABodyReadAheadThatTheClientCutShort() {
        // HttpDoor reads a body ahead on the event loop; the routing then fails with the bare exception.
        assertTrue(ProblemMappers.closedByTheClient(new HttpClosedException("Connection was closed")));
        assertFalse(ProblemMappers.closedByTheClient(new IllegalStateException("a bug")));
    }
}
