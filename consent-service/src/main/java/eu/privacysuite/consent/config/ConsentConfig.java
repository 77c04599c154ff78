package eu.privacysuite.consent.config;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.privacysuite.consent.domain.ServiceCategory;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a cookie choice holds (ARCHITECTURE.md §6: the CNIL's 13 months at most, asked again after 6), the
 * sites the controller runs, and how proofs are digested.
 */
@ConfigMapping(prefix = "consent")
public interface ConsentConfig {

    /** No consent outlives this; a visit never extends it. */
    @WithDefault("P13M")
    Period validFor();

    /** After this the banner asks again, even though the stored choice still holds. */
    @WithDefault("P6M")
    Period askAgainAfter();

    /** The site a request that names none belongs to (the older single-site API). */
    @WithDefault("demo")
    String defaultSite();

    /** Each site by its id. */
    Map<String, Site> sites();

    /**
     * How old this replica's copy of the published policy versions may be before a read loads it again: what a
     * version published on another replica takes to show in reads here. A publication on this replica shows at
     * once; a consent is always checked against the version in force in the database.
     */
    @WithDefault("1s")
    Duration policyVersionsFreshFor();

    Digest digest();

    Objection objection();

    /** What an objection to direct marketing (GDPR art. 21) refuses in the proofs of the subject's visitors. */
    interface Objection {

        /**
         * The catalogue categories whose services count as marketing: the social and external-content services,
         * whose third-party issuers profile visitors for advertising (decision 0016). Audience measurement is
         * statistics for the site's ergonomics (policy art. 11.2) and stays as the visitor chose.
         */
        @WithDefault("SOCIAL_SHARING,EXTERNAL_CONTENT")
        List<ServiceCategory> refusedCategories();
    }

    interface Site {

        /** Origins allowed to post this site's consents; {@code self} is this service's own origin (the demo). */
        List<String> origins();

        /** The services of the catalogue the site uses; essential services are always added. */
        List<String> services();

        /** The first is the default when the page's language is not one of them. */
        @WithDefault("fr,en")
        List<String> languages();

        /** The banner's title and text, by language. */
        Map<String, Texts> texts();
    }

    interface Texts {
        String title();

        String body();
    }

    interface Digest {

        /** How often a signed digest covers the proofs recorded since the last one. */
        @WithDefault("1h")
        Duration interval();

        /** Ed25519 private key, base64 PKCS#8; without it a key is made at start and each digest keeps its public key. */
        Optional<String> signingKey();

        /** Ed25519 public key of the signing key, base64 X.509: kept in each digest. */
        Optional<String> publicKey();
    }
}
