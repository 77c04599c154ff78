package eu.privacysuite.dsr.rest;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.dsr.config.ExternalConfig.Participant;
import eu.privacysuite.dsr.service.ExternalDeliveries;
import eu.privacysuite.dsr.service.ExternalFormats.BadAnswer;
import eu.privacysuite.dsr.service.ExternalParticipants;
import eu.privacysuite.shared.external.ExternalSignature;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * An external participant's answer, sent later (docs/external-systems.md). No token: the HMAC signature with the
 * participant's key proves who sent it, checked before the body is read; an unknown participant, a missing,
 * forged or stale signature and a replay are all the same 401, so that a caller learns nothing of the others.
 */
@Path("/api/external/callbacks/{participant}")
@Tag(name = "External participants")
public class ExternalCallbackResource {

    private final ExternalParticipants participants;
    private final ExternalDeliveries deliveries;
    private final Clock clock;

    public ExternalCallbackResource(ExternalParticipants participants, ExternalDeliveries deliveries, Clock clock) {
        this.participants = participants;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An external participant's answer", description = "Signed with the participant's key: "
            + "headers X-Privacy-Timestamp (Unix seconds, within the replay window) and X-Privacy-Signature "
            + "(sha256=hex HMAC-SHA256 of timestamp + '.' + body). 204 recorded or not final yet; 401 unsigned, "
            + "forged, stale or replayed; 400 not an answer; 404 no request of this participant has this id; 409 "
            + "already answered or closed.")
    public Response callback(@PathParam("participant") String name,
            @HeaderParam(ExternalSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(ExternalSignature.SIGNATURE_HEADER) String signature, byte[] body) {
        Participant participant = participants.named(name).orElse(null);
        byte[] bytes = body == null ? new byte[0] : body;
        if (participant == null || !ExternalSignature.valid(participant.signingKey(), timestamp, signature, bytes,
                Instant.now(clock), participants.config().replayWindow())) {
            throw unsigned();
        }
        if (!deliveries.firstSighting(ExternalSignature.fingerprint(signature))) {
            throw unsigned();
        }
        ExternalDeliveries.CallbackResult result;
        try {
            result = deliveries.callback(name, bytes);
        } catch (BadAnswer e) {
            throw new ProblemException(Status.BAD_REQUEST, "Not an answer: " + e.getMessage() + ".");
        }
        return switch (result) {
            case RECORDED, NOT_FINAL -> Response.noContent().build();
            case UNKNOWN_REQUEST -> throw new ProblemException(Status.NOT_FOUND,
                    "No request of this participant has this id.");
            case ALREADY_ANSWERED -> throw new ProblemException(Status.CONFLICT,
                    "This participant has already answered this request, or the request is closed.");
        };
    }

    private static ProblemException unsigned() {
        return new ProblemException(Status.UNAUTHORIZED,
                "The callback is not signed by this participant, its timestamp is outside the replay window, or it "
                        + "was already received.");
    }
}
