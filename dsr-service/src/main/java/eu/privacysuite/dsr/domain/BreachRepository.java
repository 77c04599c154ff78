package eu.privacysuite.dsr.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class BreachRepository implements PanacheRepositoryBase<Breach, UUID> {

    public List<Breach> newestFirst(int limit) {
        return findAll(Sort.by("awareAt").descending().and("id")).page(Page.ofSize(limit)).list();
    }

    /** Every breach, oldest awareness first: the register as exported. */
    public List<Breach> register() {
        return listAll(Sort.by("awareAt").and("id"));
    }

    /** Breaches whose CNIL notification is still owed (risk not NONE, not yet sent), the longest-running first. */
    public List<Breach> notificationOwed() {
        return list("cnilNotifiedAt is null and risk <> ?1", Sort.by("awareAt").and("id"), BreachRisk.NONE);
    }
}
