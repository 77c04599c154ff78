package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import eu.privacysuite.shared.events.DsrAction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A data-subject request (policy art. 9), known by the subject's key only: never the email or the names. */
@Entity
@Table(name = "dsr_request")
public class DsrRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DsrAction type;

    /** Moved only by {@link #apply}, along {@link RequestTransitions}; a new request is RECEIVED. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status = RequestStatus.RECEIVED;

    /** Null once the request is closed: the closed case proves what was done, not for whom. */
    @Column(name = "subject_key")
    public String subjectKey;

    /** Null once the request is closed. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "visitor_ids")
    public List<UUID> visitorIds;

    @Enumerated(EnumType.STRING)
    public RequestChannel channel;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** When it was completed, rejected or cancelled: the DSR_CASE retention clock starts then. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    public RejectionReason rejectionReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_method")
    public IdentityMethod identityMethod;

    @Column(name = "identity_verified_at")
    public Instant identityVerifiedAt;

    /** Set while identity is awaited: the legal clock stands still from then. */
    @Column(name = "clock_paused_since")
    public Instant clockPausedSince;

    @Column(name = "extended_months")
    public Integer extendedMonths;

    @Column(name = "extension_reason", columnDefinition = "text")
    public String extensionReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_flag")
    public DeadlineFlag deadlineFlag;

    @Column(name = "duplicates_received", nullable = false)
    public int duplicatesReceived;

    /** RECTIFICATION's corrections, sealed to the request id; null once closed. */
    @Column(name = "sealed_corrections", columnDefinition = "text")
    public String sealedCorrections;

    /** POST_MORTEM_DIRECTIVE's directive, sealed to the request id until identity is verified. */
    @Column(name = "sealed_directive", columnDefinition = "text")
    public String sealedDirective;

    /** The subject's email, sealed to the request, until identity is decided: the identity code is mailed to it. */
    @Column(name = "sealed_email", columnDefinition = "text")
    public String sealedEmail;

    /** The person's language for letters, {@code fr} or {@code en}; null (French) for a request recorded before. */
    @Column(columnDefinition = "text")
    public String language;

    /**
     * RECTIFICATION, ERASURE, RESTRICTION: the address given in the request, sealed to the request, for the letter
     * that tells the person what was done (policy art. 8); null once the letter is queued, turned off, or the
     * request closes otherwise.
     */
    @Column(name = "sealed_letter_email", columnDefinition = "text")
    public String sealedLetterEmail;

    /** Why the controller turned the completion letter off for this request; null when it was not. */
    @Column(name = "letter_off_reason", columnDefinition = "text")
    public String letterOffReason;

    /** The mailed identity code's hash (SHA-256 with the request id); null when none is pending. */
    @Column(name = "identity_code_hash")
    public String identityCodeHash;

    @Column(name = "identity_code_expires_at")
    public Instant identityCodeExpiresAt;

    @Column(name = "identity_code_attempts")
    public Integer identityCodeAttempts;

    /** Identity decided or request closed: the email and any pending code go. */
    public void forgetIdentityContact() {
        sealedEmail = null;
        identityCodeHash = null;
        identityCodeExpiresAt = null;
        identityCodeAttempts = null;
    }

    /** AUTOMATED_DECISION: the statement the controller answers with. */
    @Column(columnDefinition = "text")
    public String statement;

    /** The command envelope as first written when identity was verified; re-sends publish it unchanged. */
    @Column(name = "command_event", columnDefinition = "text")
    public String commandEvent;

    /** How many times the command has been sent. */
    @Column(nullable = false)
    public int attempts;

    public RequestStatus status() {
        return status;
    }

    /** Refuses, with the reason, an act that the request's status does not allow; changes nothing. */
    public void check(RequestAct act) {
        if (!RequestTransitions.allowed(status, act)) {
            throw new IllegalTransitionException(status, act);
        }
    }

    /** Moves the request as {@code act} does from its status, or refuses it: the one way the status changes. */
    public RequestStatus apply(RequestAct act) {
        status = RequestTransitions.next(status, act).orElseThrow(() -> new IllegalTransitionException(status, act));
        return status;
    }

    /** Past its due date while open and its clock running: the clock stands still while identity is awaited. */
    public boolean overdue(Instant now) {
        return status.open() && clockPausedSince == null && dueAt.isBefore(now);
    }
}
