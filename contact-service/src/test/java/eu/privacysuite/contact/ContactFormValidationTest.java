package eu.privacysuite.contact;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

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
}
