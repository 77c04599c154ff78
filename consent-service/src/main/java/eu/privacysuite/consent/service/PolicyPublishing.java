package eu.privacysuite.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.consent.domain.PolicyVersion;
import eu.privacysuite.consent.domain.PolicyVersionRepository;
import eu.privacysuite.consent.domain.ServiceCategory;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.problem.UnprocessableField;

/**
 * Policy versions per site: the controller publishes one with its text, the date shown to users and the purposes
 * it changed; it becomes the version in force, and visitors are asked again only about the changed purposes.
 */
@ApplicationScoped
public class PolicyPublishing {

    private final PolicyVersionRepository versions;
    private final Sites sites;
    private final Clock clock;
    private final Event<PublishedVersions.Published> publications;

    public PolicyPublishing(PolicyVersionRepository versions, Sites sites, Clock clock,
            Event<PublishedVersions.Published> publications) {
        this.versions = versions;
        this.sites = sites;
        this.clock = clock;
        this.publications = publications;
    }

    @Transactional
    public PolicyVersion publish(String siteId, String version, String text, LocalDate shownDate,
            List<String> changedPurposes, String publishedBy) {
        sites.require(siteId);
        for (String purpose : changedPurposes) {
            if (Arrays.stream(ServiceCategory.values()).noneMatch(c -> c.name().equals(purpose))
                    || ServiceCategory.ESSENTIAL.name().equals(purpose)) {
                throw new UnprocessableField("changedPurposes", "must name purposes that need consent");
            }
        }
        if (versions.findVersion(siteId, version).isPresent()) {
            throw new ProblemException(Status.CONFLICT, "This version is already published for this site.");
        }
        versions.retireCurrent(siteId);
        PolicyVersion published = new PolicyVersion();
        published.siteId = siteId;
        published.version = version;
        published.publishedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        published.current = true;
        published.text = text;
        published.shownDate = shownDate;
        published.changedPurposes = List.copyOf(new TreeSet<>(changedPurposes));
        published.publishedBy = publishedBy;
        versions.persist(published);
        publications.fire(new PublishedVersions.Published(siteId));
        return published;
    }

    @Transactional
    public PolicyVersion current(String siteId) {
        sites.require(siteId);
        return versions.findCurrent(siteId).orElseThrow(
                () -> new ProblemException(Status.SERVICE_UNAVAILABLE, "No policy version is published yet."));
    }

    @Transactional
    public List<PolicyVersion> all(String siteId) {
        sites.require(siteId);
        return versions.ofSite(siteId);
    }

    /** The purposes changed by the versions published after {@code version} (oldest first in {@code ofSite}). */
    public static Set<String> changedSince(List<PolicyVersion> ofSite, String version) {
        Set<String> changed = new TreeSet<>();
        boolean after = false;
        for (PolicyVersion v : ofSite) {
            if (after) {
                changed.addAll(v.changedPurposes);
            }
            after |= v.version.equals(version);
        }
        return changed;
    }
}
