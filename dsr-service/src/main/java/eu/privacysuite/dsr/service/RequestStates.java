package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.RequestStatus;

/** Requests as they stand, with each participant's progress and whether the deadline has passed. */
@ApplicationScoped
public class RequestStates {

    private final DsrRequestRepository requests;
    private final ParticipantTaskRepository tasks;
    private final DsrConfig config;
    private final Clock clock;

    public RequestStates(DsrRequestRepository requests, ParticipantTaskRepository tasks, DsrConfig config,
            Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Optional<RequestState> find(UUID id) {
        return requests.findByIdOptional(id).map(r -> state(r, tasks.ofRequest(id)));
    }

    @Transactional
    public List<RequestState> newestFirst(RequestStatus status, int limit) {
        return states(requests.newestFirst(status, limit));
    }

    /** Open requests whose running clock ends within the due-soon period, soonest first. */
    @Transactional
    public List<RequestState> dueSoon(int limit) {
        Instant now = Instant.now(clock);
        return states(requests.dueSoon(now, now.atOffset(ZoneOffset.UTC).plus(config.dueSoon()).toInstant(), limit));
    }

    /** Open requests past their due date, the longest overdue first. */
    @Transactional
    public List<RequestState> overdue(int limit) {
        return states(requests.overdue(Instant.now(clock), limit));
    }

    private List<RequestState> states(List<DsrRequest> page) {
        Map<UUID, List<ParticipantTask>> byRequest = tasks.ofRequests(page.stream().map(r -> r.id).toList())
                .stream().collect(Collectors.groupingBy(t -> t.requestId));
        return page.stream().map(r -> state(r, byRequest.getOrDefault(r.id, List.of()))).toList();
    }

    RequestState state(DsrRequest request, List<ParticipantTask> participants) {
        Instant now = Instant.now(clock);
        return new RequestState(request.id, request.type, request.status(), request.channel, request.receivedAt,
                request.dueAt, request.clockPausedSince, request.extendedMonths, request.extensionReason,
                request.identityMethod, request.identityVerifiedAt, request.rejectionReason, request.completedAt,
                request.closedAt, request.overdue(now), request.statement, request.duplicatesReceived,
                participants.stream().sorted(Comparator.comparing(t -> t.service)).map(RequestStates::participant).toList(),
                request.language == null ? "fr" : request.language, request.letterOffReason);
    }

    private static RequestState.Participant participant(ParticipantTask task) {
        return new RequestState.Participant(task.service, task.status, task.outcome, task.recordCount, task.reason,
                task.repliedAt);
    }
}
