package eu.privacysuite.retention.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a regulator reads: which order, which rule, how many records, when. No record ids, no subjects. */
@Entity
@Table(name = "purge_evidence")
public class PurgeEvidence extends PurgeBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    /** The evidence of an order once reported: its batch and counts, never its record ids. */
    public static PurgeEvidence of(PurgeOrderEntity order) {
        PurgeEvidence evidence = new PurgeEvidence();
        evidence.orderId = order.id;
        evidence.copyBatch(order);
        return evidence;
    }
}
