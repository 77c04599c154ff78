package eu.privacysuite.console.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's legal clock as the inbox shows it, read from dsr-service's view: days left, overdue, paused while
 * identity is awaited, extended (GDPR art. 12(3)). The inbox puts overdue requests first, then the open ones by due
 * date (soonest first), then the closed ones newest first.
 */
public final class RequestClock {

    static final Set<String> OPEN = Set.of("RECEIVED", "AWAITING_IDENTITY", "IN_PROGRESS", "NEEDS_ATTENTION");
    /** What dsr-service calls due soon: within 7 days. */
    static final Duration SOON = Duration.ofDays(7);

    private RequestClock() {
    }

    public static boolean open(Map<String, Object> request) {
        return OPEN.contains(String.valueOf(request.get("status")));
    }

    /** "overdue", "paused", "soon" (7 days or less), "running" or "closed": the row's style and its order. */
    public static String state(Map<String, Object> request, Instant now) {
        if (!open(request)) {
            return "closed";
        }
        if (Boolean.TRUE.equals(request.get("overdue"))) {
            return "overdue";
        }
        if (request.get("clockPausedSince") != null) {
            return "paused";
        }
        Instant due = instant(request.get("dueAt"));
        return due != null && Duration.between(now, due).compareTo(SOON) <= 0 ? "soon" : "running";
    }

    /** Whole days left before the due date (negative when past), or null without one. */
    public static Long daysLeft(Map<String, Object> request, Instant now) {
        Instant due = instant(request.get("dueAt"));
        if (due == null) {
            return null;
        }
        long seconds = Duration.between(now, due).getSeconds();
        return Math.floorDiv(seconds, 86_400L) + (Math.floorMod(seconds, 86_400L) == 0 ? 0 : 1);
    }

    /** The inbox's order: overdue, then open by due date, then closed newest first. */
    public static List<Map<String, Object>> inboxOrder(List<Map<String, Object>> requests, Instant now) {
        Comparator<Map<String, Object>> byRank = Comparator.comparingInt(r -> rank(state(r, now)));
        Comparator<Map<String, Object>> byDue = Comparator.comparing(r -> instant(r.get("dueAt")),
                Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Map<String, Object>> newest = Comparator.comparing(
                (Map<String, Object> r) -> instant(r.get("receivedAt")), Comparator.nullsLast(Comparator.naturalOrder())).reversed();
        return requests.stream().sorted(byRank.thenComparing((a, b) -> open(a) && open(b)
                ? byDue.compare(a, b) : newest.compare(a, b))).toList();
    }

    private static int rank(String state) {
        return switch (state) {
            case "overdue" -> 0;
            case "soon" -> 1;
            case "running", "paused" -> 2;
            default -> 3;
        };
    }

    static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
