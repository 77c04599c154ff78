package eu.privacysuite.contact.domain;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RestrictedSubjectRepository implements PanacheRepositoryBase<RestrictedSubject, String> {
}
