package eu.privacysuite.dsr.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.privacysuite.dsr.domain.Breach;
import eu.privacysuite.dsr.domain.BreachRisk;
import eu.privacysuite.dsr.domain.NotificationState;
import eu.privacysuite.dsr.service.Breaches;

/** A breach in the register, with its place on the CNIL's 72-hour clock as of now. */
public record BreachView(UUID id, Instant recordedAt, String recordedBy, Instant updatedAt, Instant occurredAt,
        Instant awareAt, List<String> natures, List<String> dataCategories, List<String> retentionCategories,
        Instant windowFrom, Instant windowUntil, int approxSubjects, int approxRecords, String description,
        String consequences, String measures, String dpoContact, BreachRisk risk, String riskReasons,
        @Schema(description = "72 hours after awareAt (GDPR art. 33(1))") Instant notificationDueAt,
        @Schema(description = "NOT_REQUIRED (risk NONE), RUNNING, DUE_SOON (within dsr.breach.due-soon, 24 hours by "
                + "default), OVERDUE, NOTIFIED or NOTIFIED_LATE") NotificationState notificationState,
        boolean dueSoon, boolean overdue, Instant cnilNotifiedAt, String lateReason) {

    static BreachView of(Breaches.Registered registered) {
        Breach b = registered.breach();
        return new BreachView(b.id, b.recordedAt, b.recordedBy, b.updatedAt, b.occurredAt, b.awareAt,
                List.copyOf(b.natures), List.copyOf(b.dataCategories), List.copyOf(b.retentionCategories),
                b.windowFrom, b.windowUntil, b.approxSubjects, b.approxRecords, b.description, b.consequences,
                b.measures, b.dpoContact, b.risk, b.riskReasons, registered.notificationDueAt(), registered.state(),
                registered.state() == NotificationState.DUE_SOON, registered.state() == NotificationState.OVERDUE,
                b.cnilNotifiedAt, b.lateReason);
    }

    static List<BreachView> of(List<Breaches.Registered> registered) {
        return registered.stream().map(BreachView::of).toList();
    }
}
