package eu.privacysuite.contact;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.service.HoldsAndTokensSweeper;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Under 15 (configurable), a parent's joint consent is needed (policy art. 10). */
@QuarkusTest
class MinorsTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    HoldsAndTokensSweeper sweeper;

    private final TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());

    static String minorForm(String email, String parent, UUID visitor) {
        return Api.form(email, "Kid", null, visitor).replace("\"visitorId\"",
                "\"age\":13,\"parentEmail\":\"" + parent + "\",\"visitorId\"");
    }

    private ContactRequest request(String id) {
        return Api.find(ContactRequest.class, UUID.fromString(id));
    }

    @Test
    void minorsRequestIsHeldUntilTheParentConfirmsAndKeepsBothConsents() {
        String email = Api.uniqueEmail("kid");
        String parent = Api.uniqueEmail("parent");
        UUID visitor = UUID.randomUUID();
        String id = Api.send(minorForm(email, parent, visitor)).then().statusCode(201).extract().path("id");
        String subjectKey = subjectKeys.forEmail(email);
        bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(id) && r.value().contains("MINOR_HOLD"),
                Duration.ofSeconds(20));

        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, email))).then().statusCode(200);
        assertNull(request(id).prospect, "the minor's own confirmation is not enough");
        assertEquals(0, Api.count("select count(p) from Prospect p where p.subjectKey = ?1", subjectKey));

        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, parent))).then().statusCode(200)
                .body("confirmed", equalTo("CONTACT_PARENT"));
        ContactRequest confirmed = request(id);
        assertNotNull(confirmed.addressConfirmedAt, "the minor's consent is kept");
        assertNotNull(confirmed.parentConfirmedAt, "the parent's consent is kept");
        assertNotNull(confirmed.prospect);
        bus.await(Topics.SUBJECT_LINKS, r -> r.value().contains(visitor.toString()), Duration.ofSeconds(20));
        bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(id) && r.value().contains("MINOR_HOLD")
                && r.value().contains("RECORD_DELETED"), Duration.ofSeconds(20));
    }

    @Test
    void holdThatNoParentConfirmsExpiresAndIsDeleted() {
        String email = Api.uniqueEmail("kid");
        String parent = Api.uniqueEmail("parent");
        String id = Api.send(minorForm(email, parent, null)).then().statusCode(201).extract().path("id");
        String parentToken = Api.confirmToken(Api.awaitMail(mailbox, parent));
        Api.sql("update contact_request set hold_expires_at = now() - interval '1 minute' where id = cast(?1 as uuid)", id);
        sweeper.sweep();
        assertNull(request(id), "the unconfirmed hold is deleted");
        Api.confirm(parentToken).then().statusCode(404);
        bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(id) && r.value().contains("PROSPECT")
                && r.value().contains("RECORD_DELETED"), Duration.ofSeconds(20));
    }

    @Test
    void minorsNewsletterSubscriptionNeedsBothConfirmations() {
        String email = Api.uniqueEmail("kid");
        String parent = Api.uniqueEmail("parent");
        Api.site().body("{\"email\":\"" + email + "\",\"age\":12,\"parentEmail\":\"" + parent + "\",\"language\":\"en\"}")
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, email))).then().statusCode(200);
        assertTrue(!NewsletterTest.subscribers().contains(email), "held until a parent confirms");
        var parentMail = Api.awaitMail(mailbox, parent);
        assertTrue(parentMail.getSubject().contains("consent"), "in the site's language");
        Api.confirm(Api.confirmToken(parentMail)).then().statusCode(200).body("confirmed", equalTo("NEWSLETTER_PARENT"));
        assertTrue(NewsletterTest.subscribers().contains(email));
    }
}
