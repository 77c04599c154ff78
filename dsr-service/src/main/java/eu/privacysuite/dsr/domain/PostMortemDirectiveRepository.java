package eu.privacysuite.dsr.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PostMortemDirectiveRepository implements PanacheRepositoryBase<PostMortemDirective, UUID> {

    public long countOf(String subjectKey) {
        return count("subjectKey", subjectKey);
    }

    public java.util.List<PostMortemDirective> ofSubject(String subjectKey) {
        return list("subjectKey", subjectKey);
    }

    public long deleteOf(String subjectKey) {
        return delete("subjectKey", subjectKey);
    }
}
