package eu.privacysuite.console.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RequestClockTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static Map<String, Object> request(String id, String status, String due, boolean overdue, String paused) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        r.put("status", status);
        r.put("dueAt", due);
        r.put("overdue", overdue);
        r.put("clockPausedSince", paused);
        r.put("receivedAt", "2026-11-20T10:00:00Z");
        return r;
    }

    @Test
    void theInboxPutsOverdueFirstThenDueSoonThenOpenByDueDateThenClosed() {
        var closed = request("closed", "COMPLETED", "2026-12-04T00:00:00Z", false, null);
        var later = request("later", "IN_PROGRESS", "2026-12-30T00:00:00Z", false, null);
        var soon = request("soon", "IN_PROGRESS", "2026-12-06T00:00:00Z", false, null);
        var overdue = request("overdue", "NEEDS_ATTENTION", "2026-12-01T00:00:00Z", true, null);
        var paused = request("paused", "AWAITING_IDENTITY", "2026-12-20T00:00:00Z", false, "2026-11-20T10:00:00Z");
        List<Object> order = RequestClock.inboxOrder(List.of(closed, later, soon, overdue, paused), NOW).stream()
                .map(r -> r.get("id")).toList();
        assertEquals(List.of("overdue", "soon", "paused", "later", "closed"), order);
    }

    @Test
    void daysLeftCountsAStartedDayAsADay() {
        assertEquals(3L, RequestClock.daysLeft(request("a", "IN_PROGRESS", "2026-12-06T00:00:00Z", false, null), NOW));
        assertEquals(-2L, RequestClock.daysLeft(request("a", "IN_PROGRESS", "2026-12-01T00:00:00Z", true, null), NOW));
        assertEquals("paused", RequestClock.state(request("a", "AWAITING_IDENTITY", "2026-12-06T00:00:00Z", false, "x"), NOW));
    }

    @Test
    void theLanguageIsTheUsersChoiceThenTheBrowsersThenEnglish() {
        assertEquals(Locale.FRENCH, Languages.choose("fr", "en-GB,en;q=0.9"));
        assertEquals(Locale.FRENCH, Languages.choose(null, "fr-CA,fr;q=0.9,en;q=0.5"));
        assertEquals(Locale.ENGLISH, Languages.choose("de", "de-DE"));
        assertEquals(Locale.ENGLISH, Languages.choose(null, null));
        assertThrows(IllegalArgumentException.class, () -> Languages.choose(null, "fr;q=abc"));
    }

    @Test
    void everyTextExistsInBothLanguages() {
        assertEquals(Messages.of(Locale.ENGLISH).keySet(), Messages.of(Locale.FRENCH).keySet());
        assertEquals("Demandes", Messages.of(Locale.FRENCH).get("nav_requests"));
    }
}
