package eu.privacysuite.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class OutgoingMailRepository implements PanacheRepositoryBase<OutgoingMail, UUID> {

    /** The mails due now, locked so that replicas share the work (SKIP LOCKED). */
    @SuppressWarnings("unchecked")
    public List<OutgoingMail> lockDue(Instant now, int batch) {
        return getEntityManager().createNativeQuery("""
                select * from outgoing_mail where next_attempt_at <= ?1 order by created_at
                limit ?2 for update skip locked""", OutgoingMail.class)
                .setParameter(1, now).setParameter(2, batch).getResultList();
    }

    public long deleteBySubjectKey(String subjectKey) {
        return delete("subjectKey", subjectKey);
    }

    public long pending() {
        return count();
    }

    public List<OutgoingMail> oldestFirst() {
        return listAll(Sort.ascending("createdAt"));
    }
}
