package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.dsr.config.ResultsConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.RecipientNoticeRepository;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * What the controller sends the person once the request is closed: what was done, by which service and when, and
 * the right to complain to the CNIL. It names services and counts, never the person's data.
 */
@ApplicationScoped
public class CompletionSummary {

    static final String CNIL = "CNIL, 3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr";

    /** The summary: {@code text} is ready to send; the other fields say the same for a program. */
    public record Summary(UUID requestId, DsrAction type, String language, Instant receivedAt, Instant completedAt,
            List<ServiceOutcome> services, String text, String letterOffReason, List<Notice> recipientNotices) {
    }

    /**
     * GDPR art. 19: a notice owed to a recipient the policy names, for a RECTIFICATION, ERASURE or RESTRICTION.
     * {@code deliveredAt} stays null: delivery over the channel is issue 20, the controller passes it on.
     */
    public record Notice(String recipient, String name, String channel, String contact, Instant deliveredAt) {
    }

    public record ServiceOutcome(String service, DsrOutcome outcome, Long recordCount, Instant repliedAt) {
    }

    private final DsrRequestRepository requests;
    private final ParticipantTaskRepository tasks;
    private final ResultsConfig config;
    private final RecipientNoticeRepository notices;

    public CompletionSummary(DsrRequestRepository requests, ParticipantTaskRepository tasks, ResultsConfig config,
            RecipientNoticeRepository notices) {
        this.notices = notices;
        this.requests = requests;
        this.tasks = tasks;
        this.config = config;
    }

    @Transactional
    public Summary of(UUID id, Language language) {
        DsrRequest request = requests.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No request has this id."));
        if (request.status() != RequestStatus.COMPLETED) {
            throw new ProblemException(Status.CONFLICT, "The request is " + request.status()
                    + ": a summary is written once it is completed.");
        }
        List<ParticipantTask> all = tasks.ofRequest(id);
        return new Summary(id, request.type, language.tag, request.receivedAt, request.completedAt,
                all.stream().map(t -> new ServiceOutcome(t.service, t.outcome, t.recordCount, t.repliedAt)).toList(),
                text(request, all, language), request.letterOffReason, notices.ofRequest(id).stream()
                        .map(n -> new Notice(n.recipient, n.name, n.channel, n.contact, n.deliveredAt)).toList());
    }

    private String text(DsrRequest request, List<ParticipantTask> all, Language l) {
        boolean fr = l == Language.FR;
        StringBuilder out = new StringBuilder();
        out.append(fr ? "Votre demande portant sur " : "Your request concerning ").append(l.request(request.type))
                .append(fr ? ", reçue le " : ", received on ").append(l.date(request.receivedAt, config.zone()))
                .append(fr ? ", a été traitée le " : ", was completed on ")
                .append(l.date(request.completedAt, config.zone())).append(".\n\n");
        out.append(fr ? "Ce qui a été fait :\n" : "What was done:\n");
        for (ParticipantTask task : all) {
            long count = task.recordCount == null ? 0 : task.recordCount;
            String what = task.outcome == DsrOutcome.DONE ? l.done(request.type, count) : l.nothingFound(request.type);
            out.append("- ").append(task.service).append(fr ? " : " : ": ").append(what).append(", ")
                    .append(l.dateTime(task.repliedAt, config.zone())).append(".\n");
        }
        if (request.type.exports()) {
            out.append('\n').append(fr
                    ? "Les données exportées vous sont transmises avec ce message."
                    : "The exported data is sent to you with this message.").append('\n');
        }
        out.append('\n').append(fr
                ? "Si vous estimez que vos droits ne sont pas respectés, vous pouvez introduire une réclamation auprès "
                        + "de la Commission nationale de l'informatique et des libertés : "
                : "If you consider that your rights have not been respected, you may lodge a complaint with the "
                        + "Commission nationale de l'informatique et des libertés: ").append(CNIL).append(".\n");
        return out.toString();
    }
}
