package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Which categories external systems have fed, and when they last did (table external_feed). */
@ApplicationScoped
public class ExternalFeedRepository {

    private final EntityManager entityManager;

    public ExternalFeedRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(TxType.MANDATORY)
    public void received(String system, String category, Instant at) {
        entityManager.createNativeQuery("insert into external_feed (category, system, first_received_at, last_received_at)"
                + " values (:category, :system, :at, :at) on conflict (category) do update set system = :system,"
                + " last_received_at = :at")
                .setParameter("category", category).setParameter("system", system).setParameter("at", at)
                .executeUpdate();
    }

    /** The categories fed at least once. */
    @Transactional
    public Set<String> fedCategories() {
        @SuppressWarnings("unchecked")
        List<String> categories = entityManager.createNativeQuery("select category from external_feed").getResultList();
        return new TreeSet<>(categories);
    }
}
