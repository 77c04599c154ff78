package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.ResultsConfig;
import eu.privacysuite.dsr.domain.Breach;
import eu.privacysuite.dsr.domain.BreachPeopleRepository;
import eu.privacysuite.mail.MailQueue;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.seal.SealedFieldException;
import eu.privacysuite.shared.seal.SealedFields;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The controller's go (GDPR art. 34): one letter per person of the breach's current search, in their language,
 * through the mail outbox. Letters are queued in batches, each batch in one transaction with its rows set to QUEUED
 * and their addresses set to null: a go repeated (after a restart mid-way, say) queues only the letters still
 * waiting, so nobody gets two. A person whose address cannot be opened is FAILED, the address dropped.
 */
@ApplicationScoped
public class BreachLetters {

    private static final Logger LOG = Logger.getLogger(BreachLetters.class);
    private static final int BATCH = 100;

    private final BreachPeople breachPeople;
    private final BreachPeopleRepository people;
    private final BreachAuditTrail audit;
    private final SealedFields sealed;
    private final MailQueue mails;
    private final ResultsConfig results;
    private final Clock clock;

    public BreachLetters(BreachPeople breachPeople, BreachPeopleRepository people, BreachAuditTrail audit,
            SealedFields sealed, MailQueue mails, ResultsConfig results, Clock clock) {
        this.breachPeople = breachPeople;
        this.people = people;
        this.audit = audit;
        this.sealed = sealed;
        this.mails = mails;
        this.results = results;
        this.clock = clock;
    }

    /** Queues every letter still waiting; refused until every participant has answered the current search. */
    public AffectedPeople go(UUID breachId, String actor) {
        Breach breach = QuarkusTransaction.requiringNew().call(() -> {
            Breach locked = breachPeople.lockHighRisk(breachId);
            AffectedPeople status = breachPeople.status(breachId).orElseThrow(() -> new ProblemException(
                    Status.CONFLICT, "Search for the affected people first: POST affected-people/search."));
            if (!status.allAnswered()) {
                throw new ProblemException(Status.CONFLICT, "Not every participant has answered the search yet: "
                        + "see GET affected-people.");
            }
            audit.record(breachId, actor, "go for the art. 34 letters: " + status.letters().remaining()
                    + " letter(s) to queue, " + status.withoutAddress() + " person(s) without an address");
            return locked;
        });
        long queued = 0;
        long failed = 0;
        while (true) {
            long[] batch = QuarkusTransaction.requiringNew().call(() -> batch(breach));
            if (batch[0] + batch[1] == 0) {
                break;
            }
            queued += batch[0];
            failed += batch[1];
        }
        long q = queued;
        long f = failed;
        return QuarkusTransaction.requiringNew().call(() -> {
            audit.record(breachId, actor, "art. 34 letters queued in the mail outbox: " + q + ", failed: " + f
                    + "; their addresses are no longer kept");
            LOG.infof("breach %s: %d art. 34 letter(s) queued, %d failed", breachId, q, f);
            return breachPeople.status(breachId).orElseThrow();
        });
    }

    private long[] batch(Breach breach) {
        long queued = 0;
        long failed = 0;
        Instant now = Instant.now(clock);
        for (BreachPeopleRepository.Waiting letter : people.lockWaiting(breach.id, BATCH)) {
            String email;
            try {
                email = sealed.open(letter.sealedEmail(), BreachPeople.emailData(breach.id, letter.subjectKey()));
            } catch (SealedFieldException e) {
                people.settle(breach.id, letter.subjectKey(), "FAILED", now);
                failed++;
                continue;
            }
            Language language = "en".equals(letter.language()) ? Language.EN : Language.FR;
            mails.enqueue(letter.subjectKey(), email, "mail/breach-letter-" + language.tag + ".txt", data(breach,
                    language), null);
            people.settle(breach.id, letter.subjectKey(), "QUEUED", now);
            queued++;
        }
        return new long[] { queued, failed };
    }

    private Map<String, Object> data(Breach breach, Language language) {
        return Map.of("occurred", language.date(breach.occurredAt, results.zone()),
                "aware", language.date(breach.awareAt, results.zone()),
                "dataCategories", String.join(", ", breach.dataCategories),
                "description", breach.description, "consequences", breach.consequences,
                "measures", breach.measures, "dpo", breach.dpoContact, "reference", breach.id.toString());
    }
}
