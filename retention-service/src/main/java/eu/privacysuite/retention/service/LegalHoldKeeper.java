package eu.privacysuite.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.retention.domain.LegalHold;
import eu.privacysuite.retention.domain.LegalHoldAudit;
import eu.privacysuite.retention.domain.LegalHoldAuditRepository;
import eu.privacysuite.retention.domain.LegalHoldRepository;
import eu.privacysuite.shared.subject.SubjectKeys;

/**
 * Legal holds: a subject (known by the key of their email) or one record is kept from purging until the hold is
 * lifted. Who placed or lifted it, when and why are audited; the email itself is never stored.
 */
@ApplicationScoped
public class LegalHoldKeeper {

    private static final Logger LOG = Logger.getLogger(LegalHoldKeeper.class);

    /** The author of the holds a data-subject request places. */
    public static final String DSR_SERVICE = "dsr-service";
    /** The reason of the hold a restriction of processing places; the lift finds that hold by it. */
    public static final String RESTRICTION_REASON = "GDPR art. 18: processing restricted at the data subject's request";

    /** A hold and its history, as the controller lists them. */
    public record HoldRecord(LegalHold hold, List<LegalHoldAudit> audit) {
    }

    private final LegalHoldRepository holds;
    private final LegalHoldAuditRepository audits;
    private final SubjectKeys subjectKeys;
    private final Clock clock;

    public LegalHoldKeeper(LegalHoldRepository holds, LegalHoldAuditRepository audits, SubjectKeys subjectKeys,
            Clock clock) {
        this.holds = holds;
        this.audits = audits;
        this.subjectKeys = subjectKeys;
        this.clock = clock;
    }

    @Transactional
    public HoldRecord holdSubject(String email, String reason, String author) {
        return place(subjectKeys.forEmail(email), null, null, reason, author);
    }

    @Transactional
    public HoldRecord holdRecord(String category, String recordId, String reason, String author) {
        return place(null, category, recordId, reason, author);
    }

    /** Lifts an active hold; empty when there is no such hold, unchanged when it was lifted before. */
    @Transactional
    public Optional<HoldRecord> lift(UUID id, String author) {
        Optional<LegalHold> found = holds.findByIdOptional(id);
        found.filter(h -> h.liftedAt == null).ifPresent(hold -> {
            hold.liftedAt = Instant.now(clock);
            hold.liftedBy = author;
            audit(hold.id, author, "lifted");
            LOG.infof("legal hold %s lifted by %s", hold.id, author);
        });
        return found.map(h -> new HoldRecord(h, audits.of(h.id)));
    }

    /** Holds the subject for a restriction of processing, unless such a hold is active already. */
    @Transactional(TxType.MANDATORY)
    public boolean holdForRestriction(String subjectKey) {
        if (!holds.activeRestrictionHolds(subjectKey, DSR_SERVICE, RESTRICTION_REASON).isEmpty()) {
            return false;
        }
        place(subjectKey, null, null, RESTRICTION_REASON, DSR_SERVICE);
        return true;
    }

    /** Lifts the subject's restriction holds (and no other hold); returns how many. */
    @Transactional(TxType.MANDATORY)
    public int liftRestriction(String subjectKey) {
        List<LegalHold> active = holds.activeRestrictionHolds(subjectKey, DSR_SERVICE, RESTRICTION_REASON);
        active.forEach(hold -> lift(hold.id, DSR_SERVICE));
        return active.size();
    }

    /** An erased subject's restriction holds go with their history: no row may keep the subject's key. */
    @Transactional(TxType.MANDATORY)
    public long deleteRestrictionHolds(String subjectKey) {
        List<UUID> ids = holds.idsPlacedFor(subjectKey, DSR_SERVICE, RESTRICTION_REASON);
        audits.deleteOfHolds(ids);
        return holds.deleteByIds(ids);
    }

    /** A changed email: the subject's holds follow it to its new key. */
    @Transactional(TxType.MANDATORY)
    public int rekey(String subjectKey, String newSubjectKey) {
        return holds.rekey(subjectKey, newSubjectKey);
    }

    @Transactional
    public List<HoldRecord> list(boolean activeOnly) {
        return holds.newestFirst(activeOnly).stream().map(h -> new HoldRecord(h, audits.of(h.id))).toList();
    }

    private HoldRecord place(String subjectKey, String category, String recordId, String reason, String author) {
        LegalHold hold = new LegalHold();
        hold.id = UUID.randomUUID();
        hold.subjectKey = subjectKey;
        hold.category = category;
        hold.recordId = recordId;
        hold.reason = reason;
        hold.placedBy = author;
        hold.placedAt = Instant.now(clock);
        holds.persist(hold);
        audit(hold.id, author, "placed: " + reason);
        LOG.infof("legal hold %s placed by %s on %s", hold.id, author, subjectKey != null ? "a subject" : category + " " + recordId);
        return new HoldRecord(hold, audits.of(hold.id));
    }

    private void audit(UUID holdId, String actor, String event) {
        LegalHoldAudit entry = new LegalHoldAudit();
        entry.holdId = holdId;
        entry.at = Instant.now(clock);
        entry.actor = actor;
        entry.event = event;
        audits.persist(entry);
    }
}
