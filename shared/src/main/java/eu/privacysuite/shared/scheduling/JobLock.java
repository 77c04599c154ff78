package eu.privacysuite.shared.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * One run of a scheduled job at a time across the replicas of a service: a PostgreSQL transaction-scoped advisory
 * lock named after the job ({@code pg_try_advisory_xact_lock}), taken in the job's own transaction. The replica that
 * gets it runs the job; the others skip this round. The lock ends with the transaction, so a replica that dies
 * mid-run releases it with its connection. A replica that starts after the holder committed runs again and finds
 * the work done: the lock keeps two runs from overlapping, the job's own queries keep a later run from repeating
 * an effect (docs/decisions/0033).
 */
@ApplicationScoped
public class JobLock {

    /** First key of the job locks: a space of its own beside the outbox's ({@code Outbox.KEY_LOCK_SPACE}). */
    static final int JOB_LOCK_SPACE = 0x6a6f62; // "job"

    private final EntityManager entityManager;

    public JobLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True when this replica now holds the job until its transaction ends; false when another replica runs it now. */
    @Transactional(TxType.MANDATORY)
    public boolean tryHold(String job) {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:space, hashtext(:job))")
                .setParameter("space", JOB_LOCK_SPACE).setParameter("job", job).getSingleResult();
    }
}
