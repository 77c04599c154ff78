package eu.privacysuite.contact.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProspectRepository implements PanacheRepositoryBase<Prospect, UUID> {

    public Optional<Prospect> findBySubjectKey(String subjectKey) {
        return find("subjectKey", subjectKey).firstResultOptional();
    }
}
