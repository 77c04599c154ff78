package eu.privacysuite.consent.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A published version of a site's privacy and cookie policy, named by its date ("2018-05-25"). Exactly one per
 * site is current; {@code changedPurposes} are the categories a visitor is asked about again.
 */
@Entity
@Table(name = "policy_version")
@IdClass(PolicyVersion.Key.class)
public class PolicyVersion extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public String siteId;

    @Id
    public String version;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(nullable = false)
    public boolean current;

    public String text;

    @Column(name = "shown_date")
    public LocalDate shownDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "changed_purposes", nullable = false)
    public List<String> changedPurposes = List.of();

    @Column(name = "published_by")
    public String publishedBy;

    public record Key(String siteId, String version) implements Serializable {
    }
}
