package eu.privacysuite.shared.events;

import java.util.List;
import java.util.stream.Stream;

/** The suite's Kafka topics (ARCHITECTURE.md §3). Channel names in the services are these names. */
public final class Topics {

    public static final String DSR_COMMANDS = "privacy.dsr.commands";
    public static final String DSR_REPLIES = "privacy.dsr.replies";
    public static final String SUBJECT_LINKS = "privacy.subject.links";
    public static final String RETENTION_LIFECYCLE = "privacy.retention.lifecycle";
    public static final String RETENTION_PURGES = "privacy.retention.purges";
    public static final String RETENTION_PURGE_REPORTS = "privacy.retention.purge-reports";

    /** Where a consumer puts a message that is bad in itself (never one that met a fault), with the reason. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    public static final List<String> EVENT_TOPICS = List.of(DSR_COMMANDS, DSR_REPLIES, SUBJECT_LINKS,
            RETENTION_LIFECYCLE, RETENTION_PURGES, RETENTION_PURGE_REPORTS);

    /** Every topic the platform must create: the event topics and their dead-letter topics. */
    public static List<String> all() {
        return Stream.concat(EVENT_TOPICS.stream(), EVENT_TOPICS.stream().map(Topics::deadLetter)).toList();
    }

    private Topics() {
    }
}
