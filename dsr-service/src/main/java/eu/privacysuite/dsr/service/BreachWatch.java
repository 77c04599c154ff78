package eu.privacysuite.dsr.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.domain.BreachRepository;
import eu.privacysuite.dsr.domain.DeadlineFlag;
import eu.privacysuite.dsr.domain.NotificationState;
import eu.privacysuite.shared.events.ServiceName;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The watch of the CNIL's 72-hour clock (GDPR art. 33(1)): a breach whose notification is newly due soon or newly
 * overdue gets an entry in its trail and a WARN line naming only its id, once per level; the gauges
 * privacy_dsr_breaches_notification_due_soon and _overdue, which the PrometheusRules read, are refreshed each round.
 */
@ApplicationScoped
public class BreachWatch {

    private static final Logger LOG = Logger.getLogger(BreachWatch.class);

    private final Breaches breaches;
    private final BreachRepository repository;
    private final BreachAuditTrail audit;
    private final ServiceName service;
    private final AtomicLong dueSoon = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    public BreachWatch(Breaches breaches, BreachRepository repository, BreachAuditTrail audit, ServiceName service,
            MeterRegistry registry) {
        this.breaches = breaches;
        this.repository = repository;
        this.audit = audit;
        this.service = service;
        Gauge.builder("privacy.dsr.breaches.notification.due.soon", dueSoon, AtomicLong::get)
                .description("breaches whose CNIL notification is owed and due within dsr.breach.due-soon")
                .register(registry);
        Gauge.builder("privacy.dsr.breaches.notification.overdue", overdue, AtomicLong::get)
                .description("breaches whose CNIL notification is owed and past the 72 hours from awareness")
                .register(registry);
    }

    @Scheduled(identity = "dsr-breach-watch", every = "${dsr.deadline-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Breaches.Registered> late = breaches.owed(NotificationState.OVERDUE);
            List<Breaches.Registered> soon = breaches.owed(NotificationState.DUE_SOON);
            repository.getEntityManager().clear(); // read only: the flags are written by guarded updates
            flag(late, DeadlineFlag.OVERDUE);
            flag(soon, DeadlineFlag.DUE_SOON);
            overdue.set(late.size());
            dueSoon.set(soon.size());
        });
    }

    private void flag(List<Breaches.Registered> found, DeadlineFlag level) {
        for (Breaches.Registered owed : found) {
            // Guarded: the controller may record the notification, or move awareness, meanwhile.
            if (owed.breach().deadlineFlag == level || repository.update("deadlineFlag = ?1 where id = ?2 "
                    + "and cnilNotifiedAt is null and awareAt = ?3 and (deadlineFlag is null or deadlineFlag <> ?1)",
                    level, owed.breach().id, owed.breach().awareAt) == 0) {
                continue;
            }
            audit.record(owed.breach().id, service.get(), "CNIL notification "
                    + (level == DeadlineFlag.OVERDUE ? "overdue" : "due soon") + ": due " + owed.notificationDueAt());
            LOG.warnf("breach %s: CNIL notification %s, due %s", owed.breach().id, level, owed.notificationDueAt());
        }
    }
}
