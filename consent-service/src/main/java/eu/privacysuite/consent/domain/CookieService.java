package eu.privacysuite.consent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A service of the catalogue that sets cookies on the site (policy art. 11), and whether it needs consent. */
@Entity
@Table(name = "cookie_service")
public class CookieService extends PanacheEntityBase {

    /** A slug such as "google-analytics": the key of a decision in a consent proof. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServiceCategory category;

    @Column(name = "consent_required", nullable = false)
    public boolean consentRequired;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "privacy_policy_url")
    public String privacyPolicyUrl;

    @Column(nullable = false)
    public String retention;

    /** The names of the cookies it sets, as the panel lists them. */
    @Column(nullable = false)
    public String cookies;

    @Column(name = "name_fr")
    public String nameFr;

    @Column(name = "purpose_fr")
    public String purposeFr;

    @Column(name = "retention_fr")
    public String retentionFr;

    public String name(String language) {
        return inLanguage(language, name, nameFr);
    }

    public String purpose(String language) {
        return inLanguage(language, purpose, purposeFr);
    }

    public String retention(String language) {
        return inLanguage(language, retention, retentionFr);
    }

    /** English is the catalogue's own language; a text without its French version falls back to it. */
    private static String inLanguage(String language, String english, String french) {
        return "fr".equals(language) && french != null ? french : english;
    }
}
