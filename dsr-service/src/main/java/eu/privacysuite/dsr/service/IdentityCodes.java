package eu.privacysuite.dsr.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.IdentityMethod;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.mail.MailQueue;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.seal.SealedFields;

/**
 * A code mailed to the subject's address proves they read it: six digits, single use, valid
 * {@code dsr.identity-code-ttl}, void after {@code dsr.identity-code-max-attempts} wrong tries. Only its hash is
 * kept. The controller enters the code the subject sends back; the right one verifies identity (method CODE).
 */
@ApplicationScoped
public class IdentityCodes {

    private static final Logger LOG = Logger.getLogger(IdentityCodes.class);
    private final SecureRandom random = new SecureRandom();

    private final LockedRequests requests;
    private final IdentityDecisions decisions;
    private final SealedFields sealed;
    private final AuditTrail audit;
    private final MailQueue mails;
    private final DsrConfig config;
    private final Clock clock;

    public IdentityCodes(LockedRequests requests, IdentityDecisions decisions, SealedFields sealed, AuditTrail audit,
            MailQueue mails, DsrConfig config, Clock clock) {
        this.mails = mails;
        this.requests = requests;
        this.decisions = decisions;
        this.sealed = sealed;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** The outcome of a check: verified (the request's view), or refused with why (the attempt is counted). */
    public record Check(RequestState verified, String refusal, Status status) {
    }

    /** Issues a new code and queues its mail in the same transaction; answers until when the code is valid. */
    @Transactional
    public Instant issue(UUID id, String principal) {
        DsrRequest request = awaiting(id);
        if (request.sealedEmail == null) {
            throw new ProblemException(Status.CONFLICT, "This request keeps no address to mail a code to.");
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        request.identityCodeHash = hash(id, code);
        request.identityCodeExpiresAt = now.plus(config.identityCodeTtl());
        request.identityCodeAttempts = 0;
        audit.record(id, principal, "identity code mailed to the subject, valid until " + request.identityCodeExpiresAt);
        LOG.infof("request %s: identity code issued", id);
        mails.enqueue(request.subjectKey, sealed.open(request.sealedEmail, emailData(id)), "mail/identity-code.txt",
                Map.of("code", code, "expiresAt", request.identityCodeExpiresAt), null);
        return request.identityCodeExpiresAt;
    }

    @Transactional
    public Check check(UUID id, String code, String principal) {
        DsrRequest request = awaiting(id);
        if (request.identityCodeHash == null) {
            throw new ProblemException(Status.CONFLICT, "No identity code is pending for this request; mail one.");
        }
        if (request.identityCodeAttempts >= config.identityCodeMaxAttempts()) {
            return new Check(null, "Too many wrong codes: this one is void; mail a new one.", Status.CONFLICT);
        }
        if (Instant.now(clock).isAfter(request.identityCodeExpiresAt)) {
            return new Check(null, "The identity code has expired; mail a new one.", Status.CONFLICT);
        }
        if (!MessageDigest.isEqual(hash(id, code).getBytes(StandardCharsets.US_ASCII),
                request.identityCodeHash.getBytes(StandardCharsets.US_ASCII))) {
            request.identityCodeAttempts++;
            audit.record(id, principal, "wrong identity code (" + request.identityCodeAttempts + " of "
                    + config.identityCodeMaxAttempts() + " tries)");
            return new Check(null, "The identity code is wrong.", null);
        }
        return new Check(decisions.decide(id, true, IdentityMethod.CODE, "mailed code confirmed", principal), null, null);
    }

    private DsrRequest awaiting(UUID id) {
        DsrRequest request = requests.lock(id);
        // A code serves to verify identity: only while that is allowed.
        request.check(RequestAct.VERIFY);
        return request;
    }

    static String emailData(UUID requestId) {
        return "dsr-subject-email:" + requestId;
    }

    private static String hash(UUID id, String code) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(("dsr-identity-code:" + id + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
