package eu.privacysuite.retention.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import eu.privacysuite.retention.domain.ExternalFeedRepository;
import eu.privacysuite.shared.events.RetentionCategories;
import io.quarkus.runtime.StartupEvent;

/**
 * Reports at start-up every category of the schedule that nobody feeds with lifecycle events: its records never
 * reach the ledger, so the schedule cannot purge them. A category is fed by its owner in the suite, by an external
 * system that has posted at least one clock for it to the signed feed (table external_feed), or is declared in
 * privacy.retention.external-feeds as handled outside the ledger. The service still starts; the log names them.
 */
@ApplicationScoped
public class FeedCheck {

    private static final Logger LOG = Logger.getLogger(FeedCheck.class);

    void onStart(@Observes StartupEvent event, RetentionSchedule schedule, PurgeConfig config,
            ExternalFeedRepository feeds) {
        List<String> unfed = unfed(schedule, config.externalFeeds().orElse(List.of()), feeds.fedCategories());
        if (!unfed.isEmpty()) {
            LOG.warnf("retention categories no service feeds (their records are never purged): %s. An external system"
                    + " feeds one by posting its clocks to /api/retention/external/{system}/clocks (docs/retention.md).",
                    String.join(", ", unfed));
        }
    }

    /** The categories of the schedule fed neither by the suite, nor by a declared or received external feed. */
    public static List<String> unfed(RetentionSchedule schedule, List<String> declared, Set<String> received) {
        return new TreeMap<>(schedule.categories()).entrySet().stream()
                .filter(e -> !fed(e, declared, received)).map(Map.Entry::getKey).toList();
    }

    public static boolean fed(Map.Entry<String, RetentionSchedule.CategoryRule> category, Collection<String> declared,
            Set<String> received) {
        return declared.contains(category.getKey()) || received.contains(category.getKey())
                || RetentionCategories.fedByTheSuite(category.getValue().owner(), category.getKey());
    }
}
