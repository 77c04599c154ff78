package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import eu.privacysuite.dsr.domain.BreachPeopleRepository;

/**
 * What the controller sees of a breach's search before and after the go: the scope, each participant's answer
 * (PENDING until it answers) with its people by retention category, the people by category over all participants,
 * the people found once each (by subject key), with and without an address, and the letters queued, failed and
 * remaining.
 */
public record AffectedPeople(UUID searchId, boolean everyone, List<String> categories, Instant windowFrom,
        Instant windowUntil, Instant askedAt, List<Participant> participants, Map<String, Integer> byCategory,
        long people, long withoutAddress, Letters letters) {

    public record Participant(String service, String answer, Instant answeredAt, Map<String, Integer> byCategory) {
    }

    /** {@code remaining}: people with an address whose letter is not queued yet. */
    public record Letters(long queued, long failed, long remaining) {
    }

    /** Whether every participant asked has answered. */
    public boolean allAnswered() {
        return participants.stream().noneMatch(p -> "PENDING".equals(p.answer()));
    }

    static AffectedPeople of(BreachPeopleRepository.Search search, List<BreachPeopleRepository.Answer> answers,
            List<BreachPeopleRepository.Count> counts, Map<String, Long> letterStates) {
        Map<String, Integer> total = new TreeMap<>();
        counts.forEach(c -> total.merge(c.category(), c.people(), Integer::sum));
        List<Participant> participants = answers.stream().map(a -> {
            Map<String, Integer> own = new TreeMap<>();
            counts.stream().filter(c -> c.service().equals(a.service())).forEach(c -> own.put(c.category(), c.people()));
            return new Participant(a.service(), a.outcome() == null ? "PENDING" : a.outcome(), a.answeredAt(), own);
        }).toList();
        long people = letterStates.values().stream().mapToLong(Long::longValue).sum();
        return new AffectedPeople(search.id(), search.everyone(), search.categories(), search.from(), search.until(),
                search.askedAt(), participants, total, people, letterStates.getOrDefault("NO_ADDRESS", 0L),
                new Letters(letterStates.getOrDefault("QUEUED", 0L), letterStates.getOrDefault("FAILED", 0L),
                        letterStates.getOrDefault("WAITING", 0L)));
    }
}
