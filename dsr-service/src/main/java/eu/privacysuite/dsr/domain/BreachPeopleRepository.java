package eu.privacysuite.dsr.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The searches for the people of a breach (GDPR art. 34), the participants' answers, and one letter row per person
 * (V7__breach_people.sql). Plain SQL: the rows are small and the upsert of a letter is what keeps one per person.
 */
@ApplicationScoped
public class BreachPeopleRepository {

    /** The scope of one search, and who asked when. */
    public record Search(UUID id, UUID breachId, boolean everyone, List<String> categories, Instant from,
            Instant until, Instant askedAt, String askedBy) {
    }

    /** One participant's answer: outcome null while pending. */
    public record Answer(String service, String outcome, Instant answeredAt) {
    }

    public record Count(String service, String category, int people) {
    }

    /** A letter waiting to be queued. */
    public record Waiting(String subjectKey, String sealedEmail, String language) {
    }

    private final EntityManager em;

    public BreachPeopleRepository(EntityManager em) {
        this.em = em;
    }

    public void insertSearch(Search s, List<String> participants) {
        em.createNativeQuery("""
                insert into breach_search (id, breach_id, everyone, categories, window_from, window_until, asked_at,
                asked_by) values (?1, ?2, ?3, cast(?4 as text[]), cast(?5 as timestamptz), cast(?6 as timestamptz), ?7, ?8)""")
                .setParameter(1, s.id()).setParameter(2, s.breachId()).setParameter(3, s.everyone())
                .setParameter(4, "{" + String.join(",", s.categories()) + "}")
                .setParameter(5, ts(s.from())).setParameter(6, ts(s.until())).setParameter(7, ts(s.askedAt()))
                .setParameter(8, s.askedBy()).executeUpdate();
        for (String service : participants) {
            em.createNativeQuery("insert into breach_search_answer (search_id, service) values (?1, ?2)")
                    .setParameter(1, s.id()).setParameter(2, service).executeUpdate();
        }
    }

    /** The breach's current search: its latest. */
    public Optional<Search> current(UUID breachId) {
        return searches("where breach_id = ?1 order by asked_at desc, id limit 1", breachId).stream().findFirst();
    }

    public Optional<Search> search(UUID searchId) {
        return searches("where id = ?1", searchId).stream().findFirst();
    }

    /** The answer of a participant to a search, locked until the transaction ends; empty if it was not asked. */
    public Optional<Answer> lockAnswer(UUID searchId, String service) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select service, outcome, answered_at from breach_search_answer "
                + "where search_id = ?1 and service = ?2 for update").setParameter(1, searchId)
                .setParameter(2, service).getResultList();
        return rows.stream().map(BreachPeopleRepository::answer).findFirst();
    }

    public List<Answer> answers(UUID searchId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select service, outcome, answered_at from breach_search_answer "
                + "where search_id = ?1 order by service").setParameter(1, searchId).getResultList();
        return rows.stream().map(BreachPeopleRepository::answer).toList();
    }

    public void answered(UUID searchId, String service, String outcome, Instant at) {
        em.createNativeQuery("update breach_search_answer set outcome = ?3, answered_at = ?4 "
                + "where search_id = ?1 and service = ?2").setParameter(1, searchId).setParameter(2, service)
                .setParameter(3, outcome).setParameter(4, ts(at)).executeUpdate();
    }

    /** Stores one part (again, if redelivered) and returns the parts now held, in order. */
    public List<String> storePart(UUID searchId, String service, int part, int parts, String sealedPart) {
        em.createNativeQuery("""
                insert into breach_search_part (search_id, service, part, parts, sealed_part)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""").setParameter(1, searchId)
                .setParameter(2, service).setParameter(3, part).setParameter(4, parts).setParameter(5, sealedPart)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> held = em.createNativeQuery("select sealed_part from breach_search_part where search_id = ?1 "
                + "and service = ?2 and parts = ?3 order by part").setParameter(1, searchId).setParameter(2, service)
                .setParameter(3, parts).getResultList();
        return held;
    }

    public void deleteParts(UUID searchId, String service) {
        em.createNativeQuery("delete from breach_search_part where search_id = ?1 and service = ?2")
                .setParameter(1, searchId).setParameter(2, service).executeUpdate();
    }

    public void count(UUID searchId, String service, String category, int people) {
        em.createNativeQuery("insert into breach_search_count (search_id, service, category, people) "
                + "values (?1, ?2, ?3, ?4) on conflict do nothing").setParameter(1, searchId).setParameter(2, service)
                .setParameter(3, category).setParameter(4, people).executeUpdate();
    }

    public List<Count> counts(UUID searchId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select service, category, people from breach_search_count "
                + "where search_id = ?1 order by service, category").setParameter(1, searchId).getResultList();
        return rows.stream().map(r -> new Count((String) r[0], (String) r[1], ((Number) r[2]).intValue())).toList();
    }

    /**
     * One row per person of the breach: a person named twice keeps the first address and language given, and a
     * person first known without an address gets the one a later answer brings.
     */
    public void person(UUID breachId, String subjectKey, UUID searchId, String sealedEmail, String language) {
        em.createNativeQuery("""
                insert into breach_letter as l (breach_id, subject_key, search_id, sealed_email, language, state)
                values (?1, ?2, ?3, cast(?4 as text), cast(?5 as text),
                        case when cast(?4 as text) is null then 'NO_ADDRESS' else 'WAITING' end)
                on conflict (breach_id, subject_key) do update
                set sealed_email = excluded.sealed_email, language = excluded.language, state = 'WAITING'
                where l.state = 'NO_ADDRESS' and excluded.sealed_email is not null""")
                .setParameter(1, breachId).setParameter(2, subjectKey).setParameter(3, searchId)
                .setParameter(4, sealedEmail).setParameter(5, language).executeUpdate();
    }

    /** Forgets the people of an earlier search before a new one; only while no letter has gone. */
    public void forgetPeople(UUID breachId) {
        em.createNativeQuery("delete from breach_letter where breach_id = ?1").setParameter(1, breachId)
                .executeUpdate();
    }

    /** Letters by state for the breach (WAITING, NO_ADDRESS, QUEUED, FAILED). */
    public java.util.Map<String, Long> letterStates(UUID breachId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select state, count(*) from breach_letter where breach_id = ?1 "
                + "group by state").setParameter(1, breachId).getResultList();
        java.util.Map<String, Long> states = new java.util.TreeMap<>();
        rows.forEach(r -> states.put((String) r[0], ((Number) r[1]).longValue()));
        return states;
    }

    /** Up to {@code batch} waiting letters, locked so that two goes at once share the work (SKIP LOCKED). */
    public List<Waiting> lockWaiting(UUID breachId, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select subject_key, sealed_email, language from breach_letter where breach_id = ?1
                and state = 'WAITING' order by subject_key limit ?2 for update skip locked""")
                .setParameter(1, breachId).setParameter(2, batch).getResultList();
        return rows.stream().map(r -> new Waiting((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** QUEUED or FAILED: either way the address is no longer kept. */
    public void settle(UUID breachId, String subjectKey, String state, Instant at) {
        em.createNativeQuery("update breach_letter set state = ?3, sealed_email = null, queued_at = ?4 "
                + "where breach_id = ?1 and subject_key = ?2").setParameter(1, breachId).setParameter(2, subjectKey)
                .setParameter(3, state).setParameter(4, ts(at)).executeUpdate();
    }

    private List<Search> searches(String where, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, breach_id, everyone, array_to_string(categories, ','), "
                + "window_from, window_until, asked_at, asked_by from breach_search " + where)
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new Search((UUID) r[0], (UUID) r[1], (Boolean) r[2],
                ((String) r[3]).isEmpty() ? List.of() : List.of(((String) r[3]).split(",")), instant(r[4]),
                instant(r[5]), instant(r[6]), (String) r[7])).toList();
    }

    private static Answer answer(Object[] r) {
        return new Answer((String) r[0], (String) r[1], instant(r[2]));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
