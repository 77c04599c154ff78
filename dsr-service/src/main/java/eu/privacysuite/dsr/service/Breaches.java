package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.dsr.config.BreachConfig;
import eu.privacysuite.dsr.domain.Breach;
import eu.privacysuite.dsr.domain.BreachRepository;
import eu.privacysuite.dsr.domain.NotificationState;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.problem.InvalidField;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * The breach register (GDPR art. 33(5)): records a breach, corrects its facts as the investigation goes on, and
 * records when the CNIL was notified (art. 33(1)), a late notification only with its reason. Every step goes to the
 * breach's chained trail in the same transaction.
 */
@ApplicationScoped
public class Breaches {

    /** The retention categories a breach may name: those the suite's services keep records under. */
    public static final Set<String> KNOWN_CATEGORIES = new TreeSet<>(
            RetentionCategories.FED_BY_THE_SUITE.values().stream().flatMap(Set::stream).toList());

    /** A breach with its place on the 72-hour clock, as of now. */
    public record Registered(Breach breach, Instant notificationDueAt, NotificationState state) {
    }

    private final BreachRepository breaches;
    private final BreachAuditTrail audit;
    private final BreachConfig config;
    private final Clock clock;

    public Breaches(BreachRepository breaches, BreachAuditTrail audit, BreachConfig config, Clock clock) {
        this.breaches = breaches;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Registered record(BreachFacts facts, String actor) {
        Instant now = now();
        check(facts, now);
        Breach breach = new Breach();
        breach.id = UUID.randomUUID();
        breach.recordedAt = now;
        breach.recordedBy = actor;
        apply(breach, facts, now);
        breaches.persist(breach);
        audit.record(breach.id, actor, "recorded: " + summary(breach));
        return registered(breach, now);
    }

    @Transactional
    public Registered update(UUID id, BreachFacts facts, String actor) {
        Instant now = now();
        check(facts, now);
        Breach breach = locked(id);
        List<String> changed = changedFields(breach, facts);
        if (!Objects.equals(breach.awareAt, facts.awareAt()) || breach.risk != facts.risk()) {
            breach.deadlineFlag = null; // the clock moved: the watch may warn again
        }
        apply(breach, facts, now);
        audit.record(id, actor, changed.isEmpty() ? "updated: nothing changed"
                : "updated " + String.join(", ", changed) + ": " + summary(breach));
        return registered(breach, now);
    }

    /** Art. 33(1): the date the notification was sent; after the 72 hours only with the reason for the delay. */
    @Transactional
    public Registered notified(UUID id, Instant sentAt, String lateReason, String actor) {
        Instant now = now();
        Breach breach = locked(id);
        if (breach.cnilNotifiedAt != null) {
            throw new ProblemException(Status.CONFLICT, "The CNIL notification of this breach is already recorded.");
        }
        if (sentAt.isAfter(now)) {
            throw new InvalidField("sentAt", "must not be in the future");
        }
        if (sentAt.isBefore(breach.awareAt)) {
            throw new InvalidField("sentAt", "must not be before awareAt");
        }
        boolean late = sentAt.isAfter(NotificationState.dueAt(breach, config.notificationDelay()));
        if (late && (lateReason == null || lateReason.isBlank())) {
            throw new InvalidField("lateReason", "is required: the notification was sent more than "
                    + config.notificationDelay().toHours() + " hours after awareness (GDPR art. 33(1))");
        }
        breach.cnilNotifiedAt = sentAt.truncatedTo(ChronoUnit.MICROS);
        breach.lateReason = late ? lateReason.strip() : null;
        breach.updatedAt = now;
        audit.record(id, actor, "CNIL notified at " + breach.cnilNotifiedAt
                + (late ? ", late; reason: " + breach.lateReason : ", within the delay"));
        return registered(breach, now);
    }

    @Transactional
    public Optional<Registered> find(UUID id) {
        Instant now = now();
        return breaches.findByIdOptional(id).map(b -> registered(b, now));
    }

    @Transactional
    public List<Registered> newestFirst(int limit) {
        Instant now = now();
        return breaches.newestFirst(limit).stream().map(b -> registered(b, now)).toList();
    }

    /** Breaches whose notification is owed and in this state (DUE_SOON or OVERDUE), the longest-running first. */
    @Transactional
    public List<Registered> owed(NotificationState state) {
        Instant now = now();
        return breaches.notificationOwed().stream().map(b -> registered(b, now)).filter(r -> r.state() == state)
                .toList();
    }

    /** Every breach, oldest first. */
    @Transactional
    public List<Registered> register() {
        Instant now = now();
        return breaches.register().stream().map(b -> registered(b, now)).toList();
    }

    Registered registered(Breach breach, Instant now) {
        return new Registered(breach, NotificationState.dueAt(breach, config.notificationDelay()),
                NotificationState.of(breach, config.notificationDelay(), config.dueSoon(), now));
    }

    private Breach locked(UUID id) {
        return breaches.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No breach has this id."));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static void check(BreachFacts facts, Instant now) {
        if (facts.occurredAt().isAfter(now)) {
            throw new InvalidField("occurredAt", "must not be in the future");
        }
        if (facts.awareAt().isAfter(now)) {
            throw new InvalidField("awareAt", "must not be in the future");
        }
        if (facts.awareAt().isBefore(facts.occurredAt())) {
            throw new InvalidField("awareAt", "must not be before occurredAt");
        }
        if (facts.windowFrom() != null && facts.windowUntil() != null
                && facts.windowUntil().isBefore(facts.windowFrom())) {
            throw new InvalidField("windowUntil", "must not be before windowFrom");
        }
        if (new HashSet<>(facts.natures()).size() != facts.natures().size()) {
            throw new InvalidField("natures", "must not name a nature twice");
        }
        for (String category : facts.retentionCategories()) {
            if (!KNOWN_CATEGORIES.contains(category)) {
                throw new InvalidField("retentionCategories", "names only the suite's retention categories: "
                        + String.join(", ", KNOWN_CATEGORIES));
            }
        }
    }

    private static void apply(Breach breach, BreachFacts facts, Instant now) {
        breach.updatedAt = now;
        breach.occurredAt = facts.occurredAt().truncatedTo(ChronoUnit.MICROS);
        breach.awareAt = facts.awareAt().truncatedTo(ChronoUnit.MICROS);
        breach.natures = facts.natures().stream().map(Enum::name).toList();
        breach.dataCategories = List.copyOf(facts.dataCategories());
        breach.retentionCategories = List.copyOf(new TreeSet<>(facts.retentionCategories()));
        breach.windowFrom = facts.windowFrom() == null ? null : facts.windowFrom().truncatedTo(ChronoUnit.MICROS);
        breach.windowUntil = facts.windowUntil() == null ? null : facts.windowUntil().truncatedTo(ChronoUnit.MICROS);
        breach.approxSubjects = facts.approxSubjects();
        breach.approxRecords = facts.approxRecords();
        breach.description = facts.description();
        breach.consequences = facts.consequences();
        breach.measures = facts.measures();
        breach.dpoContact = facts.dpoContact();
        breach.risk = facts.risk();
        breach.riskReasons = facts.riskReasons();
    }

    /** The names of the fields an update changes, never their values (the trail says what, the record says how). */
    private static List<String> changedFields(Breach b, BreachFacts f) {
        List<String> changed = new ArrayList<>();
        compare(changed, "occurredAt", b.occurredAt, f.occurredAt().truncatedTo(ChronoUnit.MICROS));
        compare(changed, "awareAt", b.awareAt, f.awareAt().truncatedTo(ChronoUnit.MICROS));
        compare(changed, "natures", b.natures, f.natures().stream().map(Enum::name).toList());
        compare(changed, "dataCategories", b.dataCategories, f.dataCategories());
        compare(changed, "retentionCategories", b.retentionCategories, List.copyOf(new TreeSet<>(f.retentionCategories())));
        compare(changed, "windowFrom", b.windowFrom, f.windowFrom() == null ? null : f.windowFrom().truncatedTo(ChronoUnit.MICROS));
        compare(changed, "windowUntil", b.windowUntil, f.windowUntil() == null ? null : f.windowUntil().truncatedTo(ChronoUnit.MICROS));
        compare(changed, "approxSubjects", b.approxSubjects, f.approxSubjects());
        compare(changed, "approxRecords", b.approxRecords, f.approxRecords());
        compare(changed, "description", b.description, f.description());
        compare(changed, "consequences", b.consequences, f.consequences());
        compare(changed, "measures", b.measures, f.measures());
        compare(changed, "dpoContact", b.dpoContact, f.dpoContact());
        compare(changed, "risk", b.risk, f.risk());
        compare(changed, "riskReasons", b.riskReasons, f.riskReasons());
        return changed;
    }

    private static void compare(List<String> changed, String field, Object was, Object is) {
        if (!Objects.equals(was == null ? null : List.class.isInstance(was) ? List.copyOf((List<?>) was) : was, is)) {
            changed.add(field);
        }
    }

    /** What the trail says of a breach's state: the risk, natures, awareness and counts, no free text. */
    private static String summary(Breach b) {
        return "risk " + b.risk + ", " + String.join("+", b.natures) + ", aware at " + b.awareAt + ", about "
                + b.approxSubjects + " people and " + b.approxRecords + " records in "
                + (b.retentionCategories.isEmpty() ? "no suite category" : String.join(", ", b.retentionCategories));
    }
}
