package eu.privacysuite.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.privacysuite.consent.domain.ConsentAction;
import eu.privacysuite.consent.domain.CookieService;
import eu.privacysuite.consent.service.Choice;
import eu.privacysuite.shared.problem.UnprocessableField;

/** What each action of the banner decides for every service of a site, without a container. */
class ChoiceTest {

    private static final List<CookieService> OFFERED = List.of(service("session", false),
            service("google-analytics", true), service("youtube-video", true));

    @Test
    void acceptAllAcceptsEveryService() {
        assertEquals(Map.of("session", true, "google-analytics", true, "youtube-video", true),
                decide(ConsentAction.ACCEPT_ALL, Map.of()));
    }

    @Test
    void refusalWithdrawalAndGpcRefuseEveryServiceThatNeedsConsentWhateverTheyName() {
        for (ConsentAction action : List.of(ConsentAction.REFUSE_ALL, ConsentAction.WITHDRAW, ConsentAction.GPC)) {
            assertEquals(Map.of("session", true, "google-analytics", false, "youtube-video", false),
                    decide(action, Map.of("google-analytics", true)), action.name());
        }
    }

    @Test
    void customAcceptsWhatItNamesTrueAndRefusesTheRestButNeverTurnsOffAnEssentialService() {
        assertEquals(Map.of("session", true, "google-analytics", true, "youtube-video", false),
                decide(ConsentAction.CUSTOM, Map.of("google-analytics", true, "session", false)));
    }

    @Test
    void aServiceTheSiteDoesNotUseOrANullDecisionIsRefused() {
        UnprocessableField unknown = assertThrows(UnprocessableField.class,
                () -> decide(ConsentAction.CUSTOM, Map.of("twitter", true)));
        assertEquals("decisions", unknown.problem().errors().get(0).field());
        Map<String, Boolean> withNull = new HashMap<>();
        withNull.put("google-analytics", null);
        assertThrows(UnprocessableField.class, () -> decide(ConsentAction.CUSTOM, withNull));
    }

    private static Map<String, Boolean> decide(ConsentAction action, Map<String, Boolean> decisions) {
        return new Choice("demo", null, "2018-05-25", action, decisions, "fr", false, null, null, null, null)
                .decisionsFor(OFFERED);
    }

    private static CookieService service(String id, boolean consentRequired) {
        CookieService s = new CookieService();
        s.id = id;
        s.consentRequired = consentRequired;
        return s;
    }
}
