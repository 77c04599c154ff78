package eu.privacysuite.consent.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import eu.privacysuite.consent.config.ConsentConfig;
import eu.privacysuite.consent.domain.PolicyVersion;
import eu.privacysuite.consent.domain.PolicyVersionRepository;

/**
 * This replica's copy of every site's published policy versions, for the reads that only show them (the version in
 * force, the purposes changed since a proof): they change when the controller publishes, a few times a year, and
 * reading them on every consent cost two of a read's three statements. The copy is loaded again once it is older
 * than {@code consent.policy-versions-fresh-for}, and at once after a publication on this replica commits. It is
 * never the holder of a fact: the database is, and a consent is checked against it (docs/decisions/0038).
 */
@ApplicationScoped
public class PublishedVersions {

    /** A site's versions, oldest first, as loaded at {@code loadedAt} (System.nanoTime). */
    private record Copy(Map<String, List<PolicyVersion>> bySite, long loadedAt) {
    }

    /** Fired by a publication; observed once its transaction has committed. */
    public record Published(String siteId) {
    }

    private final PolicyVersionRepository versions;
    private final long freshForNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Copy copy;

    public PublishedVersions(PolicyVersionRepository versions, ConsentConfig config) {
        this.versions = versions;
        this.freshForNanos = config.policyVersionsFreshFor().toNanos();
    }

    /** The site's versions, oldest first. */
    public List<PolicyVersion> ofSite(String siteId) {
        return fresh().bySite().getOrDefault(siteId, List.of());
    }

    public Optional<PolicyVersion> current(String siteId) {
        return ofSite(siteId).stream().filter(v -> v.current).findFirst();
    }

    /** The next read loads the versions again: after a publication here, or a change made behind the service. */
    public void forget() {
        generation.incrementAndGet();
        copy = null;
    }

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) Published published) {
        forget();
    }

    private Copy fresh() {
        Copy seen = copy;
        if (seen != null && System.nanoTime() - seen.loadedAt() < freshForNanos) {
            return seen;
        }
        // Two readers may load at once after expiry: one more query, never a wrong answer. A load that a
        // publication overtook is used by its reader but not kept.
        long loading = generation.get();
        Copy loaded = new Copy(versions.allOldestFirst().stream()
                .collect(Collectors.groupingBy(v -> v.siteId, Collectors.toUnmodifiableList())), System.nanoTime());
        if (generation.get() == loading) {
            copy = loaded;
        }
        return loaded;
    }
}
