package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.privacysuite.shared.subject.SubjectKeys;
import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import eu.privacysuite.testing.TestTokens;

/** What the tests do as the site, as a mailbox owner and as the controller. */
final class Api {

    private static final Pattern CONFIRM = Pattern.compile("https?://\\S+/api/confirmations/([A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("https?://\\S+/api/newsletter/unsubscribe/([A-Za-z0-9_-]+)");

    /** A public client of its own: each call comes from another (documentation-range) address, so limits stay apart. */
    static RequestSpecification site() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "2001:db8::" + Integer.toHexString(r.nextInt(1, 0xffff)) + ":"
                        + Integer.toHexString(r.nextInt(1, 0xffff)));
    }

    static RequestSpecification controller() {
        return given().contentType(ContentType.JSON).auth().oauth2(TestTokens.controller());
    }

    static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID() + "@example.fr";
    }

    static String form(String email, String firstName, String phone, UUID visitorId) {
        return """
                {"civility":"MS","firstName":"%s","lastName":"Martin","email":"%s","phone":%s,
                 "postalAddress":"1 rue de la Paix, 75002 Paris","country":"FR","message":"Please call me back",
                 "visitorId":%s}
                """.formatted(firstName, email, phone == null ? "null" : "\"" + phone + "\"",
                visitorId == null ? "null" : "\"" + visitorId + "\"");
    }

    static Response send(String body) {
        return site().body(body).post("/api/contact-requests");
    }

    /** The one mail sent to the address (waits for the sender). */
    static Mail awaitMail(MockMailbox mailbox, String address) {
        return await("a mail to the address", Duration.ofSeconds(15), () -> {
            List<Mail> mails = mailbox.getMailsSentTo(address);
            return mails == null || mails.isEmpty() ? null : mails.get(mails.size() - 1);
        });
    }

    /** The key the service files the address's records under. */
    static String subjectKey(String email) {
        return Arc.container().instance(SubjectKeys.class).get().forEmail(email);
    }

    static String confirmToken(Mail mail) {
        return find(CONFIRM, mail.getText());
    }

    static String unsubscribeToken(Mail mail) {
        return find(UNSUBSCRIBE, mail.getText());
    }

    static Response confirm(String token) {
        return given().accept(ContentType.JSON).post("/api/confirmations/" + token);
    }

    /** The entity with this id, read in a transaction of its own (the entities are read through repositories). */
    static <T> T find(Class<T> type, Object id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager().find(type, id));
    }

    /** The first entity of the type held under the subject key, or null. */
    static <T> T firstOfSubject(Class<T> type, String subjectKey) {
        return QuarkusTransaction.requiringNew().call(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createQuery("from " + type.getSimpleName() + " e where e.subjectKey = ?1", type)
                .setParameter(1, subjectKey).setMaxResults(1).getResultStream().findFirst().orElse(null));
    }

    static long count(String jpql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createQuery(jpql, Long.class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getSingleResult();
        });
    }

    static int sql(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        });
    }

    /** Waits until every event of the subject left the outbox, so that the topics hold all of them. */
    static void awaitOutboxDrained(String subjectKey) {
        await("the outbox drained", Duration.ofSeconds(20),
                () -> count("select count(e) from OutboxEvent e where e.messageKey = ?1", subjectKey) == 0 ? true : null);
    }

    static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        return org.awaitility.Awaitility.await(what).atMost(timeout).until(probe::get, java.util.Objects::nonNull);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), "no link in: " + text);
        return matcher.group(1);
    }

    private Api() {
    }
}
