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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A command on its way to an external participant over HTTP (decision 0042): written with the participant's task,
 * sent and re-sent by the dispatcher until the participant answers or refuses.
 */
@Entity
@Table(name = "external_delivery")
@IdClass(ExternalDelivery.Key.class)
public class ExternalDelivery extends PanacheEntityBase {

    public enum State {
        /** To be sent, now or after a fault's backoff. */
        SENDING,
        /** Accepted by the participant, which answers by callback. */
        AWAITING_CALLBACK,
        ANSWERED
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    public String participant;

    @Column(name = "command_id", nullable = false)
    public UUID commandId;

    /** The subject's email sealed to the request and participant; null once the request is closed. */
    @Column(name = "sealed_email", columnDefinition = "text")
    public String sealedEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "first_sent_at", nullable = false)
    public Instant firstSentAt;

    /** The last fault: a status code or an exception's class, never a body. */
    @Column(name = "last_fault")
    public String lastFault;

    /** A new command for the participant, to be sent now. */
    public void renew(UUID commandId, Instant now) {
        this.commandId = commandId;
        this.state = State.SENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.firstSentAt = now;
        this.lastFault = null;
    }

    public static class Key implements Serializable {

        public UUID requestId;
        public String participant;

        public Key() {
        }

        public Key(UUID requestId, String participant) {
            this.requestId = requestId;
            this.participant = participant;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId)
                    && Objects.equals(participant, k.participant);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, participant);
        }
    }
}
