package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A directive for after death (French law of 7 October 2016, policy art. 9) and its trusted third party, sealed.
 * It outlives the request that brought it; an erasure of the same subject deletes it.
 */
@Entity
@Table(name = "post_mortem_directive")
public class PostMortemDirective extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    /** The directive as JSON, sealed with the subject key as associated data. */
    @Column(nullable = false, columnDefinition = "text")
    public String sealed;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
