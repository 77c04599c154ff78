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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "visitor_ids", nullable = false)
    public List<UUID> visitorIds;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The command envelope as first written; re-sends publish it unchanged. */
    @Column(name = "command_event", nullable = false, columnDefinition = "text")
    public String commandEvent;

    /** How many times the command has been sent. */
    @Column(nullable = false)
    public int attempts;

    public boolean overdue(Instant now) {
        return status != RequestStatus.COMPLETED && dueAt.isBefore(now);
    }
}
