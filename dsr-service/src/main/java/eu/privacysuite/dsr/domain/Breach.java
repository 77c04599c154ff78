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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One personal-data breach in the register (GDPR art. 33(5)): the facts, the effects, the measures, the risk
 * decision and the notification to the CNIL. It describes the breach, not the people in it: no subject key, no
 * address.
 */
@Entity
@Table(name = "breach")
public class Breach extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The subject of the token of the controller who recorded it. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the breach happened (its start, as far as is known). */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** When the controller became aware of it: the 72-hour clock runs from here. */
    @Column(name = "aware_at", nullable = false)
    public Instant awareAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> natures;

    /** The categories of personal data concerned, in the controller's words ("e-mail addresses", "names"). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "data_categories", nullable = false)
    public List<String> dataCategories;

    /** The suite's retention categories concerned (RetentionCategories): which records, and so which people. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "retention_categories", nullable = false)
    public List<String> retentionCategories;

    /** The records concerned are those created in this window; either end may be open. */
    @Column(name = "window_from")
    public Instant windowFrom;

    @Column(name = "window_until")
    public Instant windowUntil;

    @Column(name = "approx_subjects", nullable = false)
    public int approxSubjects;

    @Column(name = "approx_records", nullable = false)
    public int approxRecords;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(nullable = false, columnDefinition = "text")
    public String consequences;

    @Column(nullable = false, columnDefinition = "text")
    public String measures;

    @Column(name = "dpo_contact", nullable = false, columnDefinition = "text")
    public String dpoContact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BreachRisk risk;

    @Column(name = "risk_reasons", nullable = false, columnDefinition = "text")
    public String riskReasons;

    @Column(name = "cnil_notified_at")
    public Instant cnilNotifiedAt;

    @Column(name = "late_reason", columnDefinition = "text")
    public String lateReason;

    /** The highest level of the 72-hour clock already flagged in the trail. */
    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_flag")
    public DeadlineFlag deadlineFlag;

    public List<BreachNature> natureList() {
        return natures.stream().map(BreachNature::valueOf).toList();
    }
}
