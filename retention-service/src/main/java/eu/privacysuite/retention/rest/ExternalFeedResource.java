package eu.privacysuite.retention.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.retention.config.ExternalSystems;
import eu.privacysuite.retention.service.ExternalClockFeed;
import eu.privacysuite.retention.service.ExternalClockFeed.Applied;
import eu.privacysuite.retention.service.ExternalClockFeed.FeedClock;
import eu.privacysuite.shared.external.ExternalSignature;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * The retention feed of a system outside the suite (docs/external-systems.md, "Retention feeds"). No token: the
 * signature is checked at the door ({@link SignedBodies}). A replay within the window does no harm: every clock
 * carries an eventId and is applied once.
 */
@Path("/api/retention/external/{system}/clocks")
@Tag(name = "External retention feeds")
public class ExternalFeedResource {

    /** What the system is told: per clock, its eventId and what the ledger did with it. */
    public record FeedResult(List<Applied> clocks) {
    }

    private final ExternalSystems systems;
    private final ExternalClockFeed feed;
    private final SignedBodies door;

    public ExternalFeedResource(ExternalSystems systems, ExternalClockFeed feed, SignedBodies door) {
        this.systems = systems;
        this.feed = feed;
        this.door = door;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An external system's retention clocks", description = "Signed with the system's key: headers "
            + "X-Privacy-Timestamp (Unix seconds, within the replay window) and X-Privacy-Signature (sha256=hex "
            + "HMAC-SHA256 of timestamp + '.' + body). 200 with each clock's outcome (DUPLICATE for an eventId already "
            + "applied); 401 unknown system, unsigned, forged or stale; 403 a category the system does not own; 400 "
            + "not a list of clocks.")
    public FeedResult clocks(@PathParam("system") String name,
            @HeaderParam(ExternalSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(ExternalSignature.SIGNATURE_HEADER) String signature, byte[] body) {
        SignedBodies.Signed<ExternalFeedRequest> signed = door.read(name, timestamp, signature, body,
                ExternalFeedRequest.class, "a retention feed", "an object with a list of clocks");
        for (ExternalFeedRequest.Clock c : signed.body().clocks()) {
            if (!signed.config().categories().contains(c.category())) {
                throw new ProblemException(Status.FORBIDDEN, "This system does not own the category " + c.category()
                        + " (privacy.retention.external.systems." + name + ".categories).");
            }
            if (c.at().isAfter(signed.now().plus(systems.replayWindow()))) {
                throw new ProblemException(Status.BAD_REQUEST, "clocks[].at is in the future.");
            }
        }
        return new FeedResult(feed.apply(name, signed.body().clocks().stream().map(c -> new FeedClock(c.eventId(),
                c.category(), c.recordId(), c.subjectEmail(), c.clockEvent(), c.at())).toList()));
    }
}
