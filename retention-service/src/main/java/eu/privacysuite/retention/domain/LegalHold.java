package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Suspends purging of a subject's records, or of one record, until lifted; who and why are kept. */
@Entity
@Table(name = "legal_hold")
public class LegalHold {

    @Id
    public UUID id;

    /** The blind index of the person held; null for a hold on one record. */
    @Column(name = "subject_key")
    public String subjectKey;

    public String category;

    @Column(name = "record_id")
    public String recordId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "placed_by", nullable = false)
    public String placedBy;

    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    /** While not lifted, a hold on a subject covers each of their records, and a hold on a record that record. */
    public boolean covers(LedgerEntry entry) {
        if (liftedAt != null) {
            return false;
        }
        return subjectKey != null ? subjectKey.equals(entry.subjectKey)
                : Objects.equals(category, entry.category) && Objects.equals(recordId, entry.recordId);
    }
}
