package eu.privacysuite.consent.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PolicyVersionRepository implements PanacheRepositoryBase<PolicyVersion, String> {

    public Optional<PolicyVersion> findCurrent() {
        return find("current", true).firstResultOptional();
    }
}
