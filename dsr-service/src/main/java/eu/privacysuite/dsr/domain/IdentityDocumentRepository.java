package eu.privacysuite.dsr.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IdentityDocumentRepository implements PanacheRepositoryBase<IdentityDocument, UUID> {
}
