package eu.privacysuite.shared.erasure;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.shared.subject.SubjectKeys;

/**
 * Erased stays erased: an erasure leaves a tombstone (a keyed hash of the subject key, not the key) with its
 * time, and an event about that subject that happened before the erasure is not applied afterwards.
 */
@ApplicationScoped
public class ErasureTombstones {

    private final EntityManager entityManager;
    private final SubjectKeys subjectKeys;

    public ErasureTombstones(EntityManager entityManager, SubjectKeys subjectKeys) {
        this.entityManager = entityManager;
        this.subjectKeys = subjectKeys;
    }

    @Transactional(TxType.MANDATORY)
    public void record(String subjectKey, Instant erasedAt) {
        entityManager.createNativeQuery("insert into erasure_tombstone (tombstone, erased_at) values (:t, :at)"
                + " on conflict (tombstone) do update set erased_at = greatest(erasure_tombstone.erased_at, excluded.erased_at)")
                .setParameter("t", subjectKeys.tombstone(subjectKey)).setParameter("at", erasedAt).executeUpdate();
    }

    /** True when the subject was erased at or after {@code happenedAt}: the event must not bring data back. */
    @Transactional(TxType.MANDATORY)
    public boolean erasedSince(String subjectKey, Instant happenedAt) {
        if (subjectKey == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Object> hits = entityManager.createNativeQuery(
                "select 1 from erasure_tombstone where tombstone = :t and erased_at >= :at")
                .setParameter("t", subjectKeys.tombstone(subjectKey)).setParameter("at", happenedAt).getResultList();
        return !hits.isEmpty();
    }
}
