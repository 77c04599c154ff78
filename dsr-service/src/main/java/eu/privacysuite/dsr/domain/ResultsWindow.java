package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** When the results of a completed ACCESS or PORTABILITY request stop being downloadable, and when they went. */
@Entity
@Table(name = "dsr_request_results")
public class ResultsWindow extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "available_until", nullable = false)
    public Instant availableUntil;

    /** Set by the expiry job once the stored export parts are deleted. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean open(Instant now) {
        return deletedAt == null && now.isBefore(availableUntil);
    }
}
