package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.Breach;
import eu.privacysuite.dsr.domain.BreachPeopleRepository;
import eu.privacysuite.dsr.domain.BreachPeopleRepository.Search;
import eu.privacysuite.dsr.domain.BreachRepository;
import eu.privacysuite.dsr.domain.BreachRisk;
import eu.privacysuite.shared.dsr.AffectedPerson;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.events.BreachScope;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.DsrReply;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.events.ServiceName;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.seal.SealedFieldException;
import eu.privacysuite.shared.seal.SealedFields;

/**
 * Finding the people of a HIGH_RISK breach (GDPR art. 34): the controller's scope goes to every participant as a
 * BREACH_SCOPE command on privacy.dsr.commands (decision 0039); each answers with its people sealed to the search.
 * dsr-service opens them, counts them by participant and category, and keeps one letter row per subject key, the
 * address sealed again to the breach and the person. Nothing is sent until the controller's go (BreachLetters).
 */
@ApplicationScoped
public class BreachPeople {

    private static final Logger LOG = Logger.getLogger(BreachPeople.class);

    /** The retention categories participants search; dsr-service's own (DSR_CASE, IDENTITY_DOCUMENT) are not. */
    public static final List<String> SEARCHED = List.of(RetentionCategories.COOKIE_CONSENT,
            RetentionCategories.MINOR_HOLD, RetentionCategories.NEWSLETTER, RetentionCategories.PROSPECT);

    private final BreachPeopleRepository people;
    private final BreachRepository breaches;
    private final BreachAuditTrail audit;
    private final SealedExports sealedExports;
    private final SealedFields sealed;
    private final Outbox outbox;
    private final EventCodec codec;
    private final DsrConfig config;
    private final ServiceName service;
    private final java.time.Clock clock;

    public BreachPeople(BreachPeopleRepository people, BreachRepository breaches, BreachAuditTrail audit,
            SealedExports sealedExports, SealedFields sealed, Outbox outbox, EventCodec codec, DsrConfig config,
            ServiceName service, java.time.Clock clock) {
        this.people = people;
        this.breaches = breaches;
        this.audit = audit;
        this.sealedExports = sealedExports;
        this.sealed = sealed;
        this.outbox = outbox;
        this.codec = codec;
        this.config = config;
        this.service = service;
        this.clock = clock;
    }

    /** The associated data a person's address is sealed with in dsr-service: it opens for this breach and person. */
    static String emailData(UUID breachId, String subjectKey) {
        return "dsr-breach-letter-email:" + breachId + ":" + subjectKey;
    }

    /** The controller states the scope; the command goes to every participant. */
    @Transactional
    public AffectedPeople search(UUID breachId, BreachScope scope, String actor) {
        Breach breach = lockHighRisk(breachId);
        Map<String, Long> letters = people.letterStates(breachId);
        if (letters.getOrDefault("QUEUED", 0L) + letters.getOrDefault("FAILED", 0L) > 0) {
            throw new ProblemException(Status.CONFLICT, "Letters of this breach have gone: its scope can no longer "
                    + "change.");
        }
        people.forgetPeople(breach.id);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Search search = new Search(UUID.randomUUID(), breach.id, scope.everyone(), scope.categories(), scope.from(),
                scope.until(), now, actor);
        people.insertSearch(search, config.participants());
        EventEnvelope command = codec.envelope(EventTypes.DSR_COMMAND, search.id().toString(), null,
                DsrCommand.breachScope(search.id(), new BreachScope(breach.id, scope.everyone(), scope.categories(),
                        scope.from(), scope.until())));
        outbox.publish(Topics.DSR_COMMANDS, "breach:" + breach.id, command);
        audit.record(breach.id, actor, "search for the affected people (art. 34) sent to "
                + String.join(", ", config.participants()) + ": " + describe(search));
        return status(breach.id).orElseThrow();
    }

    /**
     * A participant's answer to a breach search; false when the reply is not about a search (a request's, then).
     * A bad answer (not asked, parts that do not open) is a bad message.
     */
    @Transactional(TxType.MANDATORY)
    public boolean answer(DsrReply reply) {
        Optional<Search> found = people.search(reply.requestId());
        if (found.isEmpty()) {
            return false;
        }
        Search search = found.get();
        BreachPeopleRepository.Answer answer = people.lockAnswer(search.id(), reply.service())
                .orElseThrow(() -> new MalformedEventException("breach search answer from a service not asked"));
        if (answer.outcome() != null) {
            LOG.infof("breach search %s: %s answered again; its first answer stands", search.id(), reply.service());
            return true;
        }
        List<AffectedPerson> affected = List.of();
        if (reply.exportParts() > 0) {
            List<String> parts = people.storePart(search.id(), reply.service(), reply.exportPart(),
                    reply.exportParts(), reply.sealedExport());
            if (parts.size() < reply.exportParts()) {
                return true;
            }
            try {
                affected = sealedExports.openPeople(search.id(), reply.service(), parts);
            } catch (SealedFieldException e) {
                throw new MalformedEventException("breach search answer whose parts do not open as people");
            }
            people.deleteParts(search.id(), reply.service());
        }
        record(search, reply, affected);
        return true;
    }

    private void record(Search search, DsrReply reply, List<AffectedPerson> found) {
        Map<String, TreeSet<String>> byCategory = new TreeMap<>();
        for (AffectedPerson person : found) {
            if (person.subjectKey() == null || person.category() == null) {
                throw new MalformedEventException("breach search answer with a person without key or category");
            }
            byCategory.computeIfAbsent(person.category(), c -> new TreeSet<>()).add(person.subjectKey());
        }
        byCategory.forEach((category, keys) -> people.count(search.id(), reply.service(), category, keys.size()));
        boolean current = people.current(search.breachId()).map(s -> s.id().equals(search.id())).orElse(false);
        if (current) {
            for (AffectedPerson person : found) {
                String email = person.email() == null || person.email().isBlank() ? null
                        : sealed.seal(person.email(), emailData(search.breachId(), person.subjectKey()));
                people.person(search.breachId(), person.subjectKey(), search.id(), email,
                        "en".equals(person.language()) ? "en" : "fr");
            }
        }
        people.answered(search.id(), reply.service(), reply.outcome().name(), Instant.now(clock));
        long distinct = found.stream().map(AffectedPerson::subjectKey).distinct().count();
        audit.record(search.breachId(), service.get(), reply.service() + " answered the search for the affected "
                + "people " + reply.outcome() + ": " + distinct + " person(s)" + (byCategory.isEmpty() ? ""
                        : " (" + byCategory.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size())
                                .collect(Collectors.joining(", ")) + ")")
                + (current ? "" : "; a later search replaced this one, its people are not kept"));
    }

    /** The current search, its answers and counts, and the letters' progress; empty if no search was made. */
    @Transactional
    public Optional<AffectedPeople> status(UUID breachId) {
        if (breaches.findByIdOptional(breachId).isEmpty()) {
            throw new ProblemException(Status.NOT_FOUND, "No breach has this id.");
        }
        return people.current(breachId).map(search -> AffectedPeople.of(search, people.answers(search.id()),
                people.counts(search.id()), people.letterStates(breachId)));
    }

    public Breach lockHighRisk(UUID breachId) {
        Breach breach = breaches.findByIdOptional(breachId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No breach has this id."));
        if (breach.risk != BreachRisk.HIGH_RISK) {
            throw new ProblemException(Status.CONFLICT, "Only the people of a HIGH_RISK breach are told (art. 34); "
                    + "this breach's risk is " + breach.risk + ".");
        }
        return breach;
    }

    static String describe(Search search) {
        if (search.everyone()) {
            return "everyone the participants hold";
        }
        return "categories " + String.join(", ", search.categories()) + ", records made "
                + (search.from() == null ? "at any time" : "from " + search.from())
                + (search.until() == null ? "" : " until " + search.until());
    }
}
