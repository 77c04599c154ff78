package eu.privacysuite.consent.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A published version of the privacy and cookie policy, named by its date ("2018-05-25"). Exactly one is current. */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

    @Id
    public String version;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(nullable = false)
    public boolean current;
}
