package eu.privacysuite.contact.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactRequestRepository implements PanacheRepositoryBase<ContactRequest, UUID> {

    public long deleteBySubjectKey(String subjectKey) {
        return delete("subjectKey", subjectKey);
    }
}
