package eu.privacysuite.dsr.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eu.privacysuite.dsr.domain.BreachAuditEntry;
import eu.privacysuite.dsr.service.BreachAuditTrail;

/** A breach's audit trail, oldest first, and whether its hash chain verifies (as a request's AuditTrailView). */
public record BreachTrailView(UUID breachId, List<AuditTrailView.Entry> entries, boolean verified, Integer brokenAt,
        String problem) {

    static BreachTrailView of(UUID breachId, BreachAuditTrail.Trail trail) {
        List<AuditTrailView.Entry> entries = new ArrayList<>();
        for (BreachAuditEntry e : trail.entries()) {
            entries.add(new AuditTrailView.Entry(entries.size() + 1, e.at, e.actor, e.event, e.prevHash, e.hash));
        }
        return new BreachTrailView(breachId, entries, trail.verdict().intact(), trail.verdict().brokenAt(),
                trail.verdict().problem());
    }
}
