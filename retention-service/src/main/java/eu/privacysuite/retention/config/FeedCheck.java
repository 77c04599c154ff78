package eu.privacysuite.retention.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import eu.privacysuite.shared.events.RetentionCategories;
import io.quarkus.runtime.StartupEvent;

/**
 * Reports at start-up every category of the schedule that no service feeds with lifecycle events: its records
 * never reach the ledger, so the schedule cannot purge them. The service still starts; the log names them.
 */
@ApplicationScoped
public class FeedCheck {

    private static final Logger LOG = Logger.getLogger(FeedCheck.class);

    void onStart(@Observes StartupEvent event, RetentionSchedule schedule, PurgeConfig config) {
        List<String> unfed = unfed(schedule, config.externalFeeds().orElse(List.of()));
        if (!unfed.isEmpty()) {
            LOG.warnf("retention categories no service feeds (their records are never purged): %s. A system outside"
                    + " the suite that feeds one names it in privacy.retention.external-feeds.", String.join(", ", unfed));
        }
    }

    /** The categories of the schedule fed neither by their owner in the suite nor by a declared external system. */
    public static List<String> unfed(RetentionSchedule schedule, List<String> externalFeeds) {
        return new TreeMap<>(schedule.categories()).entrySet().stream()
                .filter(e -> !fed(e, externalFeeds)).map(Map.Entry::getKey).toList();
    }

    public static boolean fed(Map.Entry<String, RetentionSchedule.CategoryRule> category, List<String> externalFeeds) {
        return externalFeeds.contains(category.getKey())
                || RetentionCategories.fedByTheSuite(category.getValue().owner(), category.getKey());
    }
}
