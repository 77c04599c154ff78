package eu.privacysuite.consent.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import eu.privacysuite.consent.domain.PolicyVersion;

/** A site's policy version, named by its date, with the date shown to users and the purposes it changed. */
public record PolicyVersionView(String site, String version, Instant publishedAt, LocalDate shownDate, String text,
        List<String> changedPurposes) {

    public static PolicyVersionView of(PolicyVersion v) {
        return new PolicyVersionView(v.siteId, v.version, v.publishedAt, v.shownDate, v.text, v.changedPurposes);
    }
}
