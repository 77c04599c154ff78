package eu.privacysuite.dsr.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.privacysuite.dsr.service.IdentityDocuments;
import eu.privacysuite.shared.problem.Problem;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * The subject's identity document, which the controller checks: the one route with a body larger than 16K
 * ({@code privacy.http.upload-routes}, checked by the shared HttpDoor).
 */
@Path("/api/requests/{id}/identity-document")
@Tag(name = "Data-subject requests")
public class IdentityDocumentResource {

    private final IdentityDocuments documents;

    public IdentityDocumentResource(IdentityDocuments documents) {
        this.documents = documents;
    }

    @PUT
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Upload the subject's identity document", description = "Multipart, part 'document': a "
            + "PDF, JPEG or PNG (checked by its first bytes) of at most 5 MB, while identity is awaited, sent with a "
            + "Content-Length. Stored encrypted, replaced by a new upload, deleted when the request closes.")
    public IdentityDocuments.Stored upload(@PathParam("id") String id, @RestForm("document") FileUpload document,
            @Context SecurityContext security) {
        UUID requestId = DsrRequestResource.requestId(id);
        if (document == null) {
            throw new ProblemException(Status.BAD_REQUEST, "The multipart part 'document' is missing.");
        }
        if (document.size() > IdentityDocuments.MAX_BYTES) {
            throw new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "The identity document is larger than 5 MB.");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(document.uploadedFile());
        } catch (IOException e) {
            // Our own temporary file: a server fault, not to be answered as the client's bad body below.
            throw new UncheckedIOException(e);
        }
        return documents.store(requestId, content, DsrRequestResource.principal(security));
    }

    /**
     * Local to this resource: the multipart parser reports a body it cannot read (no boundary, another boundary
     * than the declared one, no closing boundary, no body) as an IOException, before the method runs.
     */
    @ServerExceptionMapper
    public Response unreadableMultipart(IOException e) {
        return Problem.of(Status.BAD_REQUEST, "The multipart body cannot be read: it needs the part 'document' "
                + "between boundaries as declared in Content-Type, and a closing boundary.").toResponse();
    }

    @GET
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "The identity document, for the controller's check")
    public Response download(@PathParam("id") String id) {
        byte[] content = documents.open(DsrRequestResource.requestId(id));
        return Response.ok(content, IdentityDocuments.contentType(content)).build();
    }
}
