package eu.privacysuite.console.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Where a user whose token a service refused is sent to sign in again, for the console's own actions. */
class SignInAgainTest {

    @Test
    void aPageIsOpenedAgainWithItsQuery() {
        assertEquals(URI.create("/requests?status=RECEIVED&page=2"), SignInAgain.page("GET",
                URI.create("http://console.example/requests?status=RECEIVED&page=2"),
                action(InboxResource.class, "list")));
        assertEquals(URI.create("/requests/6b0c7c5e-0000-4000-8000-000000000001/report"), SignInAgain.page("GET",
                URI.create("http://console.example/requests/6b0c7c5e-0000-4000-8000-000000000001/report"),
                action(RequestResource.class, "report")));
    }

    @Test
    void aFormGoesBackToThePageItBelongsTo() {
        assertEquals(URI.create("/retention"), SignInAgain.page("POST",
                URI.create("http://console.example/retention/holds/42/lift"), action(RetentionResource.class, "lift")));
        assertEquals(URI.create("/retention"), SignInAgain.page("POST",
                URI.create("http://console.example/retention/holds"), action(RetentionResource.class, "place")));
        assertEquals(URI.create("/requests/6b0c7c5e-0000-4000-8000-000000000001"), SignInAgain.page("POST",
                URI.create("http://console.example/requests/6b0c7c5e-0000-4000-8000-000000000001/identity-code/check"),
                action(RequestActionsResource.class, "checkCode")));
        assertEquals(URI.create("/requests/new"), SignInAgain.page("POST",
                URI.create("http://console.example/requests/new"), action(NewRequestResource.class, "send")));
        assertEquals(URI.create("/"), SignInAgain.page("POST",
                URI.create("http://console.example/language"), action(LanguageResource.class, "choose")));
    }

    private static Method action(Class<?> resource, String name) {
        return Arrays.stream(resource.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(resource.getSimpleName() + " has no method " + name));
    }
}
