package eu.privacysuite.shared.dsr;

import java.util.List;

/**
 * What a service that owns personal data does when dsr-service asks. Each owning service has one bean of
 * this type; {@link DsrCommandConsumer} takes care of idempotency, tombstones and the reply.
 */
public interface DsrParticipant {

    /** The name this service replies under, as configured in dsr-service's participant list. */
    String service();

    /** Deletes every record this service holds for the subject (and the visitors named); returns how many. */
    long erase(String subjectKey, List<String> visitorIds);
}
