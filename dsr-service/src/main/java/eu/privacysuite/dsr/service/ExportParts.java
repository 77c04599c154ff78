package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.dsr.config.ResultsConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.ExportPartRepository;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.DsrReply;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.seal.SealedFieldException;

/**
 * The participants' exports as they arrive: each part checked (it must open in its place), stored sealed, and a
 * task counted as answered only once all its parts are in. Reasons for refusing a part are fixed texts.
 */
@ApplicationScoped
public class ExportParts {

    private final ExportPartRepository stored;
    private final SealedExports sealed;
    private final ResultsConfig config;
    private final Clock clock;

    public ExportParts(ExportPartRepository stored, SealedExports sealed, ResultsConfig config, Clock clock) {
        this.stored = stored;
        this.sealed = sealed;
        this.config = config;
        this.clock = clock;
    }

    /** Checks that need no database: the numbering of the part, and that it opens as that part. */
    public void check(DsrReply reply) {
        int parts = reply.exportParts();
        if (parts < 0) {
            throw new MalformedEventException("DSR reply with a negative number of export parts");
        }
        if (parts == 0) {
            if (reply.sealedExport() != null || reply.exportPart() != 0) {
                throw new MalformedEventException("DSR reply with an export part but no number of export parts");
            }
            return;
        }
        if (parts > config.maxExportParts()) {
            throw new MalformedEventException("DSR reply announces more export parts than dsr-service accepts");
        }
        if (reply.exportPart() < 0 || reply.exportPart() >= parts) {
            throw new MalformedEventException("DSR reply whose export part is outside its number of parts");
        }
        if (reply.sealedExport() == null) {
            throw new MalformedEventException("DSR reply announces export parts but carries none");
        }
        if (reply.outcome() != DsrOutcome.DONE) {
            throw new MalformedEventException("DSR reply carries an export with an outcome other than DONE");
        }
        try {
            sealed.checkPart(reply.requestId(), reply.service(), reply.exportPart(), parts, reply.sealedExport());
        } catch (SealedFieldException e) {
            try {
                // Or the answer to a breach search (BreachPeople opens it again as people, sealed to its search).
                sealed.checkPeoplePart(reply.requestId(), reply.service(), reply.exportPart(), parts,
                        reply.sealedExport());
            } catch (SealedFieldException notPeople) {
                throw new MalformedEventException("DSR export part cannot be opened: tampered, or sealed for another "
                        + "request, service or place");
            }
        }
    }

    /**
     * Stores the reply's export part, if it carries one, and answers whether the participant's answer is now
     * whole: true for a reply without export, or once every part is in. A part already stored is ignored.
     */
    @Transactional(TxType.MANDATORY)
    public boolean receive(DsrRequest request, DsrReply reply) {
        if (reply.exportParts() == 0) {
            return true;
        }
        if (!request.type.exports()) {
            throw new MalformedEventException("DSR reply carries an export for a request of a type that exports nothing");
        }
        if (stored.announcedParts(request.id, reply.service()).stream().anyMatch(n -> n != reply.exportParts())) {
            throw new MalformedEventException("DSR export parts of one participant disagree on their number");
        }
        stored.storeIfAbsent(request.id, reply.service(), reply.exportPart(), reply.exportParts(),
                reply.sealedExport(), Instant.now(clock));
        return stored.countOf(request.id, reply.service()) == reply.exportParts();
    }

    /** Every participant's export of the request, opened and reassembled, by service name. */
    @Transactional(TxType.MANDATORY)
    public List<SubjectExport> open(UUID requestId) {
        Map<String, List<String>> byService = new LinkedHashMap<>();
        stored.ofRequest(requestId).forEach(p -> byService.computeIfAbsent(p.service, s -> new ArrayList<>()).add(p.sealed));
        List<SubjectExport> exports = new ArrayList<>();
        byService.forEach((service, parts) -> {
            try {
                SubjectExport export = sealed.open(requestId, service, parts);
                exports.add(new SubjectExport(service, export.categories()));
            } catch (SealedFieldException e) {
                // Each part opened when it arrived: now it does not, so a bus key was removed too early.
                throw new IllegalStateException("the export of " + service + " for request " + requestId
                        + " no longer opens; was its bus key removed?");
            }
        });
        return exports;
    }

    @Transactional(TxType.MANDATORY)
    public int delete(UUID requestId) {
        return (int) stored.deleteOf(requestId);
    }
}
