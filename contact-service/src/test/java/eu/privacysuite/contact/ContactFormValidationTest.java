package eu.privacysuite.contact;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import eu.privacysuite.shared.subject.SubjectKeys;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input in every field: a problem+json naming the field, never echoing the value, and nothing stored or sent. */
@QuarkusTest
class ContactFormValidationTest {

    @Inject
    SubjectKeys subjectKeys;

    private static final String GOOD = """
            {"civility":"MS","firstName":"Jeanne","lastName":"Martin","email":"EMAIL","phone":"05 53 69 22 00",
             "postalAddress":"1 rue de la Paix","country":"FR","message":"Hello","language":"fr"}""";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "\\\"jane doe\\\"@example.org", "jane(comment)@example.org", "ja\\u200bne@example.org", "jane\\u0007@example.org",
            "jane\\uff20example.org", "jane@[127.0.0.1]", "jane@example.org.", "jane@@example.org", "jane@exa mple.org",
            "\\u202ejane@example.org", "jane@localhost", "j\\u00e9ane@example.org", ".jane@example.org", "jane..doe@example.org",
            "jane@-example.org", "jane@example.123" })
    void emailTricksAreRefused(String email) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String body = GOOD.replace("\"Hello\"", "\"" + marker + "\"").replace("EMAIL", email);
        Api.send(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email")).body(not(containsString(marker)));
        assertEquals(0, Api.count("select count(r) from ContactRequest r where r.message = ?1", marker));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "phone     | \"phone\":\"05 53 69 22 00\"  | \"phone\":\"12\"",
            "country   | \"country\":\"FR\"            | \"country\":\"XX\"",
            "country   | \"country\":\"FR\"            | \"country\":\"fr\"",
            "firstName | \"firstName\":\"Jeanne\"      | \"firstName\":\"LONG101\"",
            "firstName | \"firstName\":\"Jeanne\"      | \"firstName\":\"  \"",
            "lastName  | \"lastName\":\"Martin\"       | \"lastName\":null",
            "message   | \"message\":\"Hello\"         | \"message\":\"\"",
            "language  | \"language\":\"fr\"           | \"language\":\"de\"",
            "postalAddress | \"postalAddress\":\"1 rue de la Paix\" | \"postalAddress\":\"LONG501\"",
            "age       | \"language\":\"fr\"           | \"language\":\"fr\",\"age\":0",
            "parentEmail | \"language\":\"fr\"         | \"language\":\"fr\",\"parentEmail\":\"not an email\"",
            "email     | \"email\":\"EMAIL\"           | \"email\":null" })
    void badFieldIsNamedAndNothingIsStored(String field, String good, String bad) {
        String email = Api.uniqueEmail("bad");
        String body = GOOD.replace(good.strip(), bad.strip().replace("LONG101", "J".repeat(101))
                .replace("LONG501", "x".repeat(501))).replace("EMAIL", email);
        Api.send(body).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(field.strip()));
        assertEquals(0, Api.count("select count(r) from ContactRequest r where r.subjectKey = ?1", subjectKeys.forEmail(email)));
        assertEquals(0, Api.count("select count(m) from OutgoingMail m where m.subjectKey = ?1", subjectKeys.forEmail(email)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{\"email\": \"jane@example.org\", ", "{\"civility\": \"KING\"}", "[1,2]", "" })
    void unreadableOrMistypedBodyIsAProblemWithoutEcho(String body) {
        Api.send(body).then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("jane@example.org")));
    }

    @ParameterizedTest(name = "age {0}")
    @ValueSource(ints = { 14, 9 })
    void minorWithoutParentOrWithTheirOwnAddressAsParentIsRefused(int age) {
        String email = Api.uniqueEmail("kid");
        String base = GOOD.replace("EMAIL", email).replace("\"language\":\"fr\"", "\"language\":\"fr\",\"age\":" + age);
        Api.send(base).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("parentEmail"));
        Api.send(base.replace("\"age\":", "\"parentEmail\":\"" + email.toUpperCase() + "\",\"age\":"))
                .then().statusCode(422).body("errors.field", hasItem("parentEmail"));
        assertEquals(0, Api.count("select count(r) from ContactRequest r where r.subjectKey = ?1", subjectKeys.forEmail(email)));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "/api/contact-requests        | not-an-ip", "/api/contact-requests        | 10.7.999.1",
            "/api/contact-requests        | unknown", "/api/contact-requests        | ''",
            "/api/contact-requests        | ', ,'", "/api/contact-requests        | '203.0.113.7, unknown'",
            "/api/newsletter/subscriptions   | not-an-ip", "/api/newsletter/subscriptions   | ''",
            "/api/newsletter/subscriptions   | ', ,'", "/api/newsletter/unsubscriptions | 10.7.999.1",
            "/api/newsletter/unsubscriptions | unknown", "/api/newsletter/unsubscriptions | ', ,'" })
    void malformedForwardedForIsRefusedNamingTheHeader(String route, String forwardedFor) {
        String email = Api.uniqueEmail("forwarded");
        String body = route.strip().equals("/api/contact-requests") ? GOOD.replace("EMAIL", email)
                : "{\"email\":\"" + email + "\"}";
        io.restassured.RestAssured.given().contentType("application/json").header("X-Forwarded-For", forwardedFor)
                .body(body).post(route.strip())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("X-Forwarded-For"));
        assertEquals(0, Api.count("select count(r) from ContactRequest r where r.subjectKey = ?1", subjectKeys.forEmail(email)));
        assertEquals(0, Api.count("select count(m) from OutgoingMail m where m.subjectKey = ?1", subjectKeys.forEmail(email)));
    }

    @Test
    void clientIsTheAddressTheProxyAppendedWhateverTheClientWroteBeforeIt() {
        // What an appending ingress passes on: anything the client sent, then the address it saw.
        String client = "2001:db8:7:0::" + Integer.toHexString(new java.util.Random().nextInt(1, 0xffff));
        String body = "{\"email\":\"" + Api.uniqueEmail("spoof") + "\"}";
        for (int i = 0; i < 20; i++) {
            String spoofed = i % 2 == 0 ? "unknown" : "198.51.100." + i;
            io.restassured.RestAssured.given().contentType("application/json")
                    .header("X-Forwarded-For", spoofed + ", " + client).body(body)
                    .post("/api/newsletter/unsubscriptions").then().statusCode(202);
        }
        // Another spelling of the same address, and a made-up left-most entry: still the same client.
        io.restassured.RestAssured.given().contentType("application/json")
                .header("X-Forwarded-For", "203.0.113.99, [" + client.replace(":0::", "::") + "]").body(body)
                .post("/api/newsletter/unsubscriptions").then().statusCode(429).contentType("application/problem+json");
    }
}
