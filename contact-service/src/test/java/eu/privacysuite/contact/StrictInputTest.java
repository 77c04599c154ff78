package eu.privacysuite.contact;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A JSON body with a key given twice is a 400 problem, whatever the number of fields it has. */
@QuarkusTest
class StrictInputTest {

    @Test
    void anUnsubscriptionNamingTheAddressTwiceIsA400NotA500() {
        Api.site().body("{\"email\":\"a@example.fr\",\"email\":\"x@example.fr\"}").post("/api/newsletter/unsubscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("body"))
                .body(not(containsString("example.fr")));
    }

    @Test
    void aContactFormWithAKeyTwiceIsRefused() {
        String form = Api.form(Api.uniqueEmail("twice"), "Anne", null, null);
        String twice = form.replaceFirst("\\{", "{\"firstName\":\"Zoe\",");
        Api.send(twice).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("body")).body(not(containsString("Zoe")));
    }
}
