package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.IdentityDocument;
import eu.privacysuite.dsr.domain.IdentityDocumentRepository;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.seal.SealedFields;

/**
 * The copy of an identity document the controller checks (policy art. 9): a PDF, JPEG or PNG, known by its first
 * bytes rather than by what the client claims, at most 5 MB, stored sealed to its request while identity is
 * awaited. A new upload replaces the previous one; the request's closing deletes it (CaseClosure).
 */
@ApplicationScoped
public class IdentityDocuments {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(IdentityDocuments.class);
    private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

    private final LockedRequests requests;
    private final IdentityDocumentRepository documents;
    private final SealedFields sealed;
    private final AuditTrail audit;
    private final Clock clock;

    public IdentityDocuments(LockedRequests requests, IdentityDocumentRepository documents, SealedFields sealed,
            AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.sealed = sealed;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is stored: the type the bytes showed, their size and when. */
    public record Stored(UUID requestId, String contentType, int bytes, Instant uploadedAt) {
    }

    @Transactional
    public Stored store(UUID id, byte[] content, String principal) {
        DsrRequest request = requests.lock(id);
        // The document serves to verify identity: only while that is allowed.
        request.check(RequestAct.VERIFY);
        if (content.length > MAX_BYTES) {
            throw new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "The identity document is larger than 5 MB.");
        }
        String type = contentType(content);
        if (type == null) {
            throw new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE,
                    "The identity document must be a PDF, JPEG or PNG file.");
        }
        IdentityDocument document = documents.findById(id);
        if (document == null) {
            document = new IdentityDocument();
            document.requestId = id;
        }
        document.contentType = type;
        document.bytes = content.length;
        document.sealed = sealed.seal(Base64.getEncoder().encodeToString(content), associatedData(id));
        document.uploadedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        documents.persist(document);
        audit.record(id, principal, "identity document received (" + type + ", " + content.length + " bytes), sealed");
        LOG.infof("request %s: identity document stored (%s, %d bytes)", id, type, content.length);
        return new Stored(id, type, content.length, document.uploadedAt);
    }

    /** The document as uploaded, opened: for the controller's check (and the tests). */
    @Transactional
    public byte[] open(UUID id) {
        IdentityDocument document = documents.findById(id);
        if (document == null) {
            throw new ProblemException(Status.NOT_FOUND, "This request has no identity document.");
        }
        return Base64.getDecoder().decode(sealed.open(document.sealed, associatedData(id)));
    }

    static String associatedData(UUID requestId) {
        return "dsr-identity-document:" + requestId;
    }

    public static String contentType(byte[] content) {
        if (startsWith(content, PDF)) {
            return "application/pdf";
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        return startsWith(content, PNG) ? "image/png" : null;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
