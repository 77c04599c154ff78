package eu.privacysuite.shared.events;

/** The {@code type} of each envelope; the data record it carries is named after it. */
public final class EventTypes {

    public static final String DSR_COMMAND = "DsrCommand";
    public static final String DSR_REPLY = "DsrReply";
    public static final String SUBJECT_LINKED = "SubjectLinked";
    public static final String RETENTION_CLOCK = "RetentionClock";
    public static final String PURGE_ORDER = "PurgeOrder";
    public static final String PURGE_REPORT = "PurgeReport";

    private EventTypes() {
    }
}
