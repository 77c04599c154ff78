package eu.privacysuite.shared.events;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The suite's Kafka topics (ARCHITECTURE.md §3). Channel names in the services are these names. */
public final class Topics {

    public static final String DSR_COMMANDS = "privacy.dsr.commands";
    /**
     * The channel of the replies, and the base of their topics: each participant replies on a topic of its own,
     * {@code privacy.dsr.replies.<service>}, that only its Kafka user may write (docs/decisions/0007).
     */
    public static final String DSR_REPLIES = "privacy.dsr.replies";
    public static final String SUBJECT_LINKS = "privacy.subject.links";
    public static final String RETENTION_LIFECYCLE = "privacy.retention.lifecycle";
    public static final String RETENTION_PURGES = "privacy.retention.purges";
    public static final String RETENTION_PURGE_REPORTS = "privacy.retention.purge-reports";

    /**
     * The services of the suite that answer DSR commands, each on its own reply topic: the one default of
     * dsr-service's {@code dsr.participants}, which an external participant joins by configuration.
     */
    public static final String SUITE_PARTICIPANT_NAMES = "contact-service,consent-service,retention-service";
    public static final List<String> SUITE_PARTICIPANTS = List.of(SUITE_PARTICIPANT_NAMES.split(","));

    private static final Pattern REPLY_TOPIC = Pattern.compile(Pattern.quote(DSR_REPLIES + ".") + "([a-z0-9-]+)");

    /** Where a consumer puts a message that is bad in itself (never one that met a fault), with the reason. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /** The topic on which {@code service} replies to DSR commands. */
    public static String dsrReplies(String service) {
        return DSR_REPLIES + "." + service;
    }

    /** The participant whose reply topic this is; empty for any other topic, the replies' DLQ included. */
    public static Optional<String> replyingService(String topic) {
        var matcher = REPLY_TOPIC.matcher(topic == null ? "" : topic);
        return matcher.matches() && !"dlq".equals(matcher.group(1)) ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Topics with one name each; the reply topics, one per participant, come on top. */
    public static final List<String> EVENT_TOPICS = List.of(DSR_COMMANDS, SUBJECT_LINKS,
            RETENTION_LIFECYCLE, RETENTION_PURGES, RETENTION_PURGE_REPORTS);

    /** Every topic the platform must create: the event topics, the suite's reply topics and the dead-letter topics. */
    public static List<String> all() {
        return Stream.of(EVENT_TOPICS.stream(), SUITE_PARTICIPANTS.stream().map(Topics::dsrReplies),
                Stream.concat(EVENT_TOPICS.stream(), Stream.of(DSR_REPLIES)).map(Topics::deadLetter))
                .flatMap(s -> s).toList();
    }

    private Topics() {
    }
}
