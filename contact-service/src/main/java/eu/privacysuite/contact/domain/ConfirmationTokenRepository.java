package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ConfirmationTokenRepository implements PanacheRepositoryBase<ConfirmationToken, String> {

    public long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }

    public long deleteForRecords(Collection<UUID> recordIds) {
        return recordIds.isEmpty() ? 0 : delete("recordId in ?1", recordIds);
    }

    public long deleteBySubjectKey(String subjectKey) {
        return delete("subjectKey", subjectKey);
    }
}
