package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.IdentityDocumentRepository;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.retention.PurgeParticipant;

/**
 * Retention of closed data-subject requests (DSR_CASE): once kept long enough as proof of compliance, a request
 * closed (completed, rejected or cancelled) goes with its participant tasks and audit trail (foreign keys cascade),
 * or under ANONYMIZE keeps them (closing already took its subject key and visitor ids). IDENTITY_DOCUMENT orders
 * delete identity documents of closed requests.
 */
@ApplicationScoped
public class DsrPurge implements PurgeParticipant {

    private final DsrRequestRepository requests;
    private final IdentityDocumentRepository documents;

    public DsrPurge(DsrRequestRepository requests, IdentityDocumentRepository documents) {
        this.requests = requests;
        this.documents = documents;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Outcome purge(PurgeOrder order) {
        boolean identityDocuments = RetentionCategories.IDENTITY_DOCUMENT.equals(order.category());
        if (!identityDocuments && !RetentionCategories.DSR_CASE.equals(order.category())) {
            throw new MalformedEventException("dsr-service has no records of retention category " + order.category());
        }
        List<UUID> ids = order.recordIds().stream().distinct().filter(DsrPurge::isUuid).map(UUID::fromString).toList();
        if (ids.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        if (identityDocuments) {
            return purgeDocuments(ids, order.clockStartedUpTo());
        }
        // Requests closed no later than the order's bound; an open one (in progress, needing attention) is held.
        List<UUID> due = requests.claimClosed(ids, order.clockStartedUpTo());
        if (!due.isEmpty()) {
            if (order.action() == PurgeAction.ANONYMIZE) {
                requests.anonymize(due);
            } else {
                requests.deleteAll(due);
            }
        }
        return outcome(due, requests.existing(ids));
    }

    /**
     * IDENTITY_DOCUMENT, keyed by request id: the documents of requests closed no later than the bound go (closing
     * deleted them already, so this finds one only where that failed); a document of an open request is held.
     */
    private Outcome purgeDocuments(List<UUID> ids, Instant upTo) {
        List<UUID> due = documents.claimOfClosed(ids, upTo);
        if (!due.isEmpty()) {
            documents.deleteAll(due);
        }
        return outcome(due, documents.existing(ids));
    }

    private static Outcome outcome(List<UUID> purged, List<UUID> remaining) {
        Set<String> gone = new HashSet<>(purged.stream().map(UUID::toString).toList());
        return new Outcome(List.copyOf(gone),
                remaining.stream().map(UUID::toString).filter(id -> !gone.contains(id)).toList());
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
