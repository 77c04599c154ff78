package eu.privacysuite.dsr.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a breach stands on the 72-hour clock of art. 33(1), which runs from the controller's awareness: not
 * required (risk NONE, and not notified), running, due soon, overdue, or notified (in time or late).
 */
public enum NotificationState {
    NOT_REQUIRED, RUNNING, DUE_SOON, OVERDUE, NOTIFIED, NOTIFIED_LATE;

    public static Instant dueAt(Breach breach, Duration delay) {
        return breach.awareAt.plus(delay);
    }

    public static NotificationState of(Breach breach, Duration delay, Duration dueSoon, Instant now) {
        Instant due = dueAt(breach, delay);
        if (breach.cnilNotifiedAt != null) {
            return breach.cnilNotifiedAt.isAfter(due) ? NOTIFIED_LATE : NOTIFIED;
        }
        if (!breach.risk.notifiable()) {
            return NOT_REQUIRED;
        }
        if (now.isAfter(due)) {
            return OVERDUE;
        }
        return now.isAfter(due.minus(dueSoon)) ? DUE_SOON : RUNNING;
    }
}
