package eu.privacysuite.dsr.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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
import jakarta.ws.rs.PUT;
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

import eu.privacysuite.dsr.domain.NotificationState;
import eu.privacysuite.dsr.service.AffectedPeople;
import eu.privacysuite.dsr.service.BreachLetters;
import eu.privacysuite.dsr.service.BreachPeople;
import eu.privacysuite.dsr.service.BreachAuditTrail;
import eu.privacysuite.dsr.service.BreachRegisterDocument;
import eu.privacysuite.dsr.service.Breaches;
import eu.privacysuite.dsr.service.CnilNotification;
import eu.privacysuite.shared.problem.BadParameter;
import eu.privacysuite.shared.problem.ProblemException;

/** The breach register (GDPR art. 33): the controller records, the auditor reads. docs/breaches.md. */
@Path("/api/breaches")
@Tag(name = "Breaches", description = "The register of personal-data breaches and the CNIL's 72-hour clock.")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BreachResource {

    static final String TEXT = MediaType.TEXT_PLAIN + ";charset=UTF-8";

    /** The whole register with each breach's trail. */
    public record RegisterExport(Instant exportedAt, List<Entry> breaches) {
        public record Entry(BreachView breach, BreachTrailView trail) {
        }
    }

    private final Breaches breaches;
    private final BreachAuditTrail audit;
    private final CnilNotification cnil;
    private final BreachRegisterDocument document;
    private final Clock clock;

    private final BreachPeople people;
    private final BreachLetters letters;

    public BreachResource(Breaches breaches, BreachAuditTrail audit, CnilNotification cnil,
            BreachRegisterDocument document, Clock clock, BreachPeople people, BreachLetters letters) {
        this.people = people;
        this.letters = letters;
        this.breaches = breaches;
        this.audit = audit;
        this.cnil = cnil;
        this.document = document;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Record a breach", description = "Every breach, whatever its risk (art. 33(5)). Unless the "
            + "risk is NONE, the CNIL is to be notified within 72 hours of awareAt.")
    public Response recordBreach(@Valid @NotNull BreachForm form, @Context SecurityContext security) {
        BreachView view = BreachView.of(breaches.record(form.facts(), principal(security)));
        return Response.created(URI.create("/api/breaches/" + view.id())).entity(view).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Correct a breach's facts", description = "The whole record, as the investigation goes on; "
            + "the trail names the fields changed.")
    public BreachView updateBreach(@PathParam("id") String id, @Valid @NotNull BreachForm form,
            @Context SecurityContext security) {
        return BreachView.of(breaches.update(breachId(id), form.facts(), principal(security)));
    }

    @POST
    @Path("{id}/notification")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Record the date the CNIL was notified", description = "Once. After the 72 hours, "
            + "lateReason is required (art. 33(1)).")
    public BreachView recordCnilNotification(@PathParam("id") String id, @Valid @NotNull NotificationForm form,
            @Context SecurityContext security) {
        return BreachView.of(breaches.notified(breachId(id), form.sentAt(),
                form.lateReason() == null ? null : form.lateReason().strip(), principal(security)));
    }

    @GET
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "Breaches, latest awareness first", description = "With due=soon, the breaches whose "
            + "notification is owed within 24 hours; with due=overdue, those past the 72 hours (longest first).")
    public List<BreachView> listBreaches(@QueryParam("due") String due,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (due == null) {
            return BreachView.of(breaches.newestFirst(limit));
        }
        List<Breaches.Registered> owed = switch (due) {
            case "soon" -> breaches.owed(NotificationState.DUE_SOON);
            case "overdue" -> breaches.owed(NotificationState.OVERDUE);
            default -> throw new BadParameter("due", "is soon or overdue");
        };
        return BreachView.of(owed.subList(0, Math.min(limit, owed.size())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "One breach and its place on the 72-hour clock")
    public BreachView getBreach(@PathParam("id") String id) {
        return BreachView.of(breaches.find(breachId(id)).orElseThrow(BreachResource::notFound));
    }

    @GET
    @Path("{id}/cnil-notification")
    @Produces(TEXT)
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "The notification's text for the CNIL, in French", description = "Every field of art. "
            + "33(3), the dates and, when late, the reasons for the delay: to paste into the CNIL's form.")
    public String cnilNotification(@PathParam("id") String id) {
        return cnil.text(breaches.find(breachId(id)).orElseThrow(BreachResource::notFound));
    }

    @GET
    @Path("{id}/audit")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "A breach's audit trail and whether its hash chain verifies")
    public BreachTrailView breachTrail(@PathParam("id") String id) {
        UUID breachId = breachId(id);
        return BreachTrailView.of(breachId, audit.read(breachId).orElseThrow(BreachResource::notFound));
    }

    @GET
    @Path("export")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "The whole register as JSON", description = "Every breach, oldest first, with its trail.")
    public RegisterExport exportRegister() {
        return new RegisterExport(Instant.now(clock), breaches.register().stream()
                .map(r -> new RegisterExport.Entry(BreachView.of(r),
                        BreachTrailView.of(r.breach().id, audit.read(r.breach().id).orElseThrow())))
                .toList());
    }

    @GET
    @Path("export/document")
    @Produces(TEXT)
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "The whole register as a document a person reads (plain text)")
    public String exportRegisterDocument() {
        return document.render();
    }

    @POST
    @Path("{id}/affected-people/search")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Search for the people of a HIGH_RISK breach", description = "Sends the scope to every "
            + "participant (art. 34); their answers are counted before anything is sent. Again, until the first "
            + "letter is queued, replaces the search.")
    public Response searchAffectedPeople(@PathParam("id") String id, @Valid @NotNull ScopeForm form,
            @Context SecurityContext security) {
        UUID breachId = breachId(id);
        return Response.accepted(people.search(breachId, form.scope(breachId), principal(security))).build();
    }

    @GET
    @Path("{id}/affected-people")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "The affected people found, by participant and category, and the letters' progress")
    public AffectedPeople affectedPeople(@PathParam("id") String id) {
        return people.status(breachId(id)).orElseThrow(() -> new ProblemException(Status.NOT_FOUND,
                "No search for the affected people of this breach yet."));
    }

    @POST
    @Path("{id}/letters")
    @Consumes(MediaType.WILDCARD) // no body: the go itself
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "The go: one letter per affected person", description = "Queues a letter in the person's "
            + "language for every person found with an address whose letter is not queued yet; nobody gets two.")
    public AffectedPeople sendLetters(@PathParam("id") String id, @Context SecurityContext security) {
        return letters.go(breachId(id), principal(security));
    }

    private static String principal(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    private static ProblemException notFound() {
        return new ProblemException(Status.NOT_FOUND, "No breach has this id.");
    }

    // Taken as text so that a malformed id is a 400 that says so, not the 404 of a failed path conversion.
    private static UUID breachId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("id", "is not a UUID");
        }
    }
}
