package eu.privacysuite.dsr.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.dsr.service.CompletionLetters;
import eu.privacysuite.dsr.service.IdentityDecisions;
import eu.privacysuite.dsr.service.RequestIntake;
import eu.privacysuite.dsr.service.RequestLifecycle;
import eu.privacysuite.dsr.service.RequestRetry;
import eu.privacysuite.dsr.service.RequestStates;
import eu.privacysuite.shared.problem.ProblemException;

@Path("/api/requests")
@Tag(name = "Data-subject requests", description = "Requests the controller records and follows (bearer token).")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DsrRequestResource {

    private final RequestIntake intake;
    private final IdentityDecisions identities;
    private final RequestLifecycle lifecycle;
    private final RequestRetry retries;
    private final RequestStates states;
    private final CompletionLetters letters;

    public DsrRequestResource(RequestIntake intake, IdentityDecisions identities, RequestLifecycle lifecycle,
            RequestRetry retries, RequestStates states, CompletionLetters letters) {
        this.letters = letters;
        this.intake = intake;
        this.identities = identities;
        this.lifecycle = lifecycle;
        this.retries = retries;
        this.states = states;
    }

    @POST
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Record a data-subject request", description = "Recorded, then AWAITING_IDENTITY: nothing "
            + "is sent to the participants until identity is verified, and the legal clock (30 days) is paused "
            + "meanwhile. A request of the same type for the same subject while one is open is not recorded again: "
            + "the answer is 200 with the open request and duplicateOf.")
    public Response create(@Valid @NotNull DsrRequestForm request, @Context SecurityContext security) {
        RequestIntake.Received received = intake.receive(RequestForms.newRequest(request), principal(security));
        DsrRequestView view = received.duplicate() ? DsrRequestView.duplicate(received.request())
                : DsrRequestView.of(received.request());
        return (received.duplicate() ? Response.ok() : Response.created(URI.create("/api/requests/" + view.id())))
                .entity(view).build();
    }

    @POST
    @Path("{id}/identity")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Record the identity decision", description = "Verified: the clock runs again (the pause "
            + "added to the due date) and the participants are commanded. Not verified: REJECTED, IDENTITY_NOT_PROVEN.")
    public DsrRequestView identity(@PathParam("id") String id, @Valid @NotNull IdentityDecisionForm decision,
            @Context SecurityContext security) {
        return DsrRequestView.of(identities.decide(requestId(id), decision.verified(), decision.method(),
                decision.note(), principal(security)));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Reject a request before work starts", description = "Identity not proven, manifestly "
            + "unfounded or excessive (GDPR art. 12(5)), with a note.")
    public DsrRequestView reject(@PathParam("id") String id, @Valid @NotNull RejectionForm rejection,
            @Context SecurityContext security) {
        return DsrRequestView.of(lifecycle.reject(requestId(id), rejection.reason(), rejection.note(),
                principal(security)));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Cancel a request", description = "Before work starts, or once it needs attention.")
    public DsrRequestView cancel(@PathParam("id") String id, @Context SecurityContext security) {
        return DsrRequestView.of(lifecycle.cancel(requestId(id), principal(security)));
    }

    @POST
    @Path("{id}/extension")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Extend the deadline", description = "GDPR art. 12(3): once, by 1 or 2 months, with a "
            + "reason, within one month of receipt.")
    public DsrRequestView extend(@PathParam("id") String id, @Valid @NotNull ExtensionForm extension,
            @Context SecurityContext security) {
        return DsrRequestView.of(lifecycle.extend(requestId(id), extension.months(), extension.reason(),
                principal(security)));
    }

    @POST
    @Path("{id}/completion-letter/off")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Turn off the completion letter for a request", description = "RECTIFICATION, ERASURE "
            + "or RESTRICTION, while open: the person is not written to when it completes (policy art. 8), and the "
            + "address kept for the letter is deleted; the reason is recorded. The recipients' notices are not "
            + "affected.")
    public DsrRequestView letterOff(@PathParam("id") String id, @Valid @NotNull LetterOffForm form,
            @Context SecurityContext security) {
        return DsrRequestView.of(letters.turnOff(requestId(id), form.reason(), principal(security)));
    }

    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.WILDCARD) // no body: the request id and the participant say it all
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Re-drive a request that needs attention", description = "Sends a new command to the "
            + "named participant, or to every participant that has not acted, and waits for their answers again.")
    public DsrRequestView retry(@PathParam("id") String id, @QueryParam("participant") String participant,
            @Context SecurityContext security) {
        String named = participant == null || participant.isBlank() ? null : participant;
        return DsrRequestView.of(retries.retry(requestId(id), named, principal(security)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "One request and each participant's answer")
    public DsrRequestView get(@PathParam("id") String id) {
        return states.find(requestId(id)).map(DsrRequestView::of)
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No request has this id."));
    }

    @GET
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "Requests, newest first", description = "Optionally only those in one status; or, with "
            + "due=soon, the open requests due within 7 days (soonest first), with due=overdue those past their due "
            + "date. The clock stands still while identity is awaited, so such a request is neither.")
    public List<DsrRequestView> list(@QueryParam("status") String status, @QueryParam("due") String due,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (due == null || due.isBlank()) {
            return DsrRequestView.of(states.newestFirst(status(status), limit));
        }
        if (status != null && !status.isBlank()) {
            throw new ProblemException(Status.BAD_REQUEST, "Ask for a status or for due requests, not both.");
        }
        return switch (due) {
            case "soon" -> DsrRequestView.of(states.dueSoon(limit));
            case "overdue" -> DsrRequestView.of(states.overdue(limit));
            default -> throw new ProblemException(Status.BAD_REQUEST, "Parameter 'due' is soon or overdue.");
        };
    }

    static String principal(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    // Taken as text so that a malformed id is a 400 that says so, not the 404 of a failed path conversion.
    static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST, "The request id is not a UUID.");
        }
    }

    private static RequestStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RequestStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST,
                    "Unknown status; use one of " + Arrays.toString(RequestStatus.values()) + ".");
        }
    }
}
