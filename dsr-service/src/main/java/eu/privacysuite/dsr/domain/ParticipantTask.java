package eu.privacysuite.dsr.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import eu.privacysuite.shared.events.DsrOutcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One participant's part in one request: sent, then answered with an outcome. */
@Entity
@Table(name = "participant_task")
@IdClass(ParticipantTask.Key.class)
public class ParticipantTask extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    public String service;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Enumerated(EnumType.STRING)
    public DsrOutcome outcome;

    @Column(name = "record_count")
    public Long recordCount;

    /** The participant's reason for a refusal or failure; the contract keeps personal data out of it. */
    public String reason;

    @Column(name = "last_sent_at", nullable = false)
    public Instant lastSentAt;

    @Column(name = "replied_at")
    public Instant repliedAt;

    /** A participant's task as the command leaves for it: pending, sent now. */
    public static ParticipantTask pending(UUID requestId, String service, Instant sentAt) {
        ParticipantTask task = new ParticipantTask();
        task.requestId = requestId;
        task.service = service;
        task.status = TaskStatus.PENDING;
        task.lastSentAt = sentAt;
        return task;
    }

    /** The primary key: a request has one task per participant. */
    public static class Key implements Serializable {

        public UUID requestId;
        public String service;

        public Key() {
        }

        public Key(UUID requestId, String service) {
            this.requestId = requestId;
            this.service = service;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId) && Objects.equals(service, k.service);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, service);
        }
    }
}
