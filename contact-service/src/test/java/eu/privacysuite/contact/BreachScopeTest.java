package eu.privacysuite.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.NewsletterSubscription;
import eu.privacysuite.shared.dsr.AffectedPerson;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.events.BreachScope;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.DsrBus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * contact-service answers a BREACH_SCOPE command (GDPR art. 34) with the people it holds in the scope, sealed:
 * those whose records of the categories named were made in the window, with their address and language, and only
 * they.
 */
@QuarkusTest
class BreachScopeTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    SealedExports sealed;

    @Test
    void thePeopleInTheCategoriesAndWindowAreAnsweredSealedWithTheirAddressAndLanguageAndNoOneElse()
            throws Exception {
        String anne = Api.uniqueEmail("anne"); // a contact request in English, in the window
        Api.send(Api.form(anne, "Anne", null, null).replace("\"visitorId\"", "\"language\":\"en\",\"visitorId\""))
                .then().statusCode(201);
        String celia = Api.uniqueEmail("celia"); // a newsletter subscription only, in the window
        NewsletterTest.subscribe(celia);
        Thread.sleep(50);
        String bruno = Api.uniqueEmail("bruno"); // a contact request after the window
        Api.send(Api.form(bruno, "Bruno", null, null)).then().statusCode(201);
        // The window is read from the records, as the service's clock wrote them.
        Instant from = Api.firstOfSubject(ContactRequest.class, Api.subjectKey(anne)).receivedAt;
        Instant celiaAt = Api.firstOfSubject(NewsletterSubscription.class, Api.subjectKey(celia)).requestedAt;
        Instant brunoAt = Api.firstOfSubject(ContactRequest.class, Api.subjectKey(bruno)).receivedAt;
        assertTrue(from.isBefore(celiaAt) && celiaAt.isBefore(brunoAt));
        Instant until = brunoAt; // exclusive: bruno is just outside

        DsrBus dsr = new DsrBus("contact-service", mapper, sealed);
        UUID breach = UUID.randomUUID();
        EventEnvelope prospects = dsr.breachScope(new BreachScope(breach, false, List.of("PROSPECT"), from, until));
        dsr.send(prospects);
        Map<String, AffectedPerson> found = byKey(dsr.people(prospects));
        assertEquals(Set.of(Api.subjectKey(anne)), found.keySet(), "only anne's contact request is in scope");
        assertEquals(new AffectedPerson(Api.subjectKey(anne), "PROSPECT", anne, "en"), found.get(Api.subjectKey(anne)));
        JsonNode reply = dsr.replies(prospects, 1).get(0);
        assertEquals("DONE", reply.get("outcome").asText());
        assertFalse(reply.toString().contains("@"), "no address in clear on the bus");
        assertFalse(dsr.bus.readAll(Topics.dsrReplies("contact-service")).stream()
                .anyMatch(r -> r.value().contains(anne)), "no address in clear on the bus");

        EventEnvelope newsletter = dsr.breachScope(new BreachScope(breach, false, List.of("NEWSLETTER"), from, until));
        dsr.send(newsletter);
        Map<String, AffectedPerson> subscribers = byKey(dsr.people(newsletter));
        assertTrue(subscribers.containsKey(Api.subjectKey(celia)));
        assertEquals("fr", subscribers.get(Api.subjectKey(celia)).language());
        assertEquals(celia, subscribers.get(Api.subjectKey(celia)).email());
        assertFalse(subscribers.containsKey(Api.subjectKey(anne)) || subscribers.containsKey(Api.subjectKey(bruno)));

        EventEnvelope everyone = dsr.breachScope(new BreachScope(breach, true, List.of(), null, null));
        dsr.send(everyone);
        Set<String> all = dsr.people(everyone).stream().map(AffectedPerson::subjectKey).collect(Collectors.toSet());
        assertTrue(all.containsAll(Set.of(Api.subjectKey(anne), Api.subjectKey(bruno), Api.subjectKey(celia))));

        EventEnvelope nobody = dsr.breachScope(new BreachScope(breach, false, List.of("COOKIE_CONSENT"), null, null));
        dsr.send(nobody);
        JsonNode none = dsr.replies(nobody, 1).get(0);
        assertEquals("NOTHING_FOUND", none.get("outcome").asText());
        assertEquals(0, none.get("exportParts").asInt());
    }

    private static Map<String, AffectedPerson> byKey(List<AffectedPerson> people) {
        return people.stream().collect(Collectors.toMap(AffectedPerson::subjectKey, p -> p));
    }
}
