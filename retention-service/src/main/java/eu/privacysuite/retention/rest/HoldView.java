package eu.privacysuite.retention.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.privacysuite.retention.service.LegalHoldKeeper.HoldRecord;

/** A legal hold as listed: what it holds (a subject is not named), why, who placed and lifted it, its history. */
public record HoldView(UUID id, String target, String category, String recordId, String reason, String placedBy,
        Instant placedAt, String liftedBy, Instant liftedAt, List<Step> audit) {

    public record Step(Instant at, String actor, String event) {
    }

    static HoldView of(HoldRecord r) {
        var h = r.hold();
        return new HoldView(h.id, h.subjectKey != null ? "SUBJECT" : "RECORD", h.category, h.recordId, h.reason,
                h.placedBy, h.placedAt, h.liftedBy, h.liftedAt,
                r.audit().stream().map(a -> new Step(a.at, a.actor, a.event)).toList());
    }
}
