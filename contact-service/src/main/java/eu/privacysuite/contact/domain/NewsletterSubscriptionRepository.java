package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NewsletterSubscriptionRepository implements PanacheRepositoryBase<NewsletterSubscription, UUID> {

    private static final String SENDABLE = "from NewsletterSubscription n where n.status = 'ACTIVE'"
            + " and not exists (from RestrictedSubject s where s.subjectKey = n.subjectKey)"
            + " and not exists (from SuppressedSubject o where o.subjectKey = n.subjectKey)";

    /** Adds a pending subscription unless the subject has a live one; concurrent first subscriptions make one. */
    public boolean insertIfNoLive(NewsletterSubscription n) {
        return getEntityManager().createNativeQuery("""
                insert into newsletter_subscription (id, subject_key, email, language, status, unsubscribe_token, minor,
                                                     parent_email, hold_expires_at, requested_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (subject_key) where status in ('PENDING', 'ACTIVE') do nothing""")
                .setParameter(1, n.id).setParameter(2, n.subjectKey).setParameter(3, n.email)
                .setParameter(4, n.language).setParameter(5, n.status.name()).setParameter(6, n.unsubscribeToken)
                .setParameter(7, n.minor).setParameter(8, n.parentEmail).setParameter(9, n.holdExpiresAt)
                .setParameter(10, n.requestedAt).executeUpdate() == 1;
    }

    public Optional<NewsletterSubscription> findLive(String subjectKey) {
        return find("subjectKey = ?1 and status in ?2", subjectKey,
                List.of(NewsletterSubscription.Status.PENDING, NewsletterSubscription.Status.ACTIVE)).firstResultOptional();
    }

    public Optional<NewsletterSubscription> findByUnsubscribeToken(String token) {
        return find("unsubscribeToken", token).firstResultOptional();
    }

    public List<NewsletterSubscription> findBySubjectKey(String subjectKey) {
        return list("subjectKey", subjectKey);
    }

    /** Who may receive the newsletter: active, and neither restricted nor opposed. */
    public List<NewsletterSubscription> sendable(int page, int size) {
        return find(SENDABLE, Sort.ascending("confirmedAt", "id")).page(Page.of(page, size)).list();
    }

    public long countSendable() {
        return count(SENDABLE);
    }

    /** Never confirmed in time, or a minor's hold that no parent confirmed: nothing to keep. */
    @SuppressWarnings("unchecked")
    public List<NewsletterSubscription> expiredPending(Instant confirmBefore, Instant now) {
        // Native SQL: the holds-and-tokens job's statements parse no HQL inside its transaction (ContactRequestRepository).
        return getEntityManager().createNativeQuery("select * from newsletter_subscription where status = :pending"
                + " and ((confirmed_at is null and requested_at < :confirmBefore)"
                + " or (minor and parent_confirmed_at is null and hold_expires_at < :now))", NewsletterSubscription.class)
                .setParameter("pending", NewsletterSubscription.Status.PENDING.name())
                .setParameter("confirmBefore", confirmBefore).setParameter("now", now).getResultList();
    }
}
