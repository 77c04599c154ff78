package eu.privacysuite.shared.dsr;

import java.util.List;

import eu.privacysuite.shared.events.BreachScope;

/**
 * What a service that owns personal data does when dsr-service asks. Each owning service has one bean of
 * this type; {@link DsrCommandConsumer} takes care of idempotency, tombstones, sealing and the reply. Every
 * method runs in the transaction that records the command as processed and publishes the reply, and returns how
 * many records it found or changed (0 is answered NOTHING_FOUND).
 */
public interface DsrParticipant {

    /** ERASURE: deletes every record this service holds for the subject (and the visitors named). */
    long erase(String subjectKey, List<String> visitorIds);

    /** ACCESS and PORTABILITY: every record this service holds for the subject and the visitors named. */
    SubjectExport export(String subjectKey, List<String> visitorIds);

    /**
     * RECTIFICATION: applies the corrections where this service holds the fields. {@code newSubjectKey} is the key
     * of the corrected email when the email changes (null otherwise): records move to it.
     */
    long rectify(String subjectKey, String newSubjectKey, List<String> visitorIds, Corrections corrections);

    /** RESTRICTION ({@code restricted} true) and RESTRICTION_LIFTED (false): sets or lifts the restriction. */
    long restrict(String subjectKey, List<String> visitorIds, boolean restricted);

    /** OBJECTION: the subject objects to processing for direct marketing; stop it and keep it stopped. */
    long object(String subjectKey, List<String> visitorIds);

    /**
     * BREACH_SCOPE: the people this service holds in the scope of a high-risk breach, one entry per person and
     * retention category (GDPR art. 34). A service that holds no people answers none.
     */
    default List<AffectedPerson> affected(BreachScope scope) {
        return List.of();
    }
}
