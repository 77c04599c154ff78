package eu.privacysuite.retention.rest;

import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.retention.config.FeedCheck;
import eu.privacysuite.retention.domain.ExternalFeedRepository;
import eu.privacysuite.retention.config.PurgeConfig;
import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.service.PolicyTable;

/**
 * The retention policies, public (no personal data): JSON, or the table a privacy notice includes, in English or
 * French (lang=en|fr), as Markdown (Accept: text/markdown) or HTML (Accept: text/html).
 */
@Path("/api/retention/policies")
@Tag(name = "Retention")
@PermitAll // no personal data: public by design
public class PolicyResource {

    private final RetentionSchedule schedule;
    private final PurgeConfig config;
    private final ExternalFeedRepository feeds;

    public PolicyResource(RetentionSchedule schedule, PurgeConfig config, ExternalFeedRepository feeds) {
        this.schedule = schedule;
        this.config = config;
        this.feeds = feeds;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The retention policies", description = "Per category: owner, period, clock events, action, "
            + "legal basis and description (en, fr), and whether a service feeds it.")
    public List<PolicyView> policies() {
        List<String> declared = config.externalFeeds().orElse(List.of());
        Set<String> received = feeds.fedCategories();
        return rules().entrySet().stream()
                .map(e -> PolicyView.of(e.getKey(), e.getValue(), FeedCheck.fed(e, declared, received))).toList();
    }

    @GET
    @Produces("text/markdown;qs=0.5;charset=UTF-8")
    @Operation(summary = "The retention policies as a Markdown table for the privacy notice")
    public String markdown(@QueryParam("lang") String lang) {
        return PolicyTable.markdown(rules(), language(lang));
    }

    @GET
    @Produces("text/html;qs=0.5;charset=UTF-8")
    @Operation(summary = "The retention policies as an HTML table for the privacy notice")
    public String html(@QueryParam("lang") String lang) {
        return PolicyTable.html(rules(), language(lang));
    }

    private Map<String, CategoryRule> rules() {
        return new TreeMap<>(schedule.categories());
    }

    private static String language(String lang) {
        return QueryValues.oneOf("lang", lang, PolicyTable.LANGUAGES).orElse("en");
    }
}
