package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ConfirmationTokenRepository implements PanacheRepositoryBase<ConfirmationToken, String> {

    // Native SQL: the holds-and-tokens job's statements parse no HQL inside its transaction (ContactRequestRepository).
    public long deleteExpired(Instant now) {
        return getEntityManager().createNativeQuery("delete from confirmation_token where expires_at < :now")
                .setParameter("now", now).executeUpdate();
    }

    public long deleteForRecords(Collection<UUID> recordIds) {
        return recordIds.isEmpty() ? 0 : getEntityManager()
                .createNativeQuery("delete from confirmation_token where record_id in (:ids)")
                .setParameter("ids", recordIds).executeUpdate();
    }

    public long deleteBySubjectKey(String subjectKey) {
        return delete("subjectKey", subjectKey);
    }
}
