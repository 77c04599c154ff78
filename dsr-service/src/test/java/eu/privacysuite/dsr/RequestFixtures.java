package eu.privacysuite.dsr;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventTypes;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Requests in progress as identity verification leaves them (a pending task per participant), stored directly under
 * a subject key the test chooses, so that a test can play the participants, and can hold two open requests of one
 * subject, which the intake would link as duplicates. The intake's own path is tested in DsrLifecycleTest. Also
 * counts what the database holds, for the tests that check what was kept or purged.
 */
@ApplicationScoped
public class RequestFixtures {

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final DsrConfig config;
    private final Clock clock;

    public RequestFixtures(EntityManager entityManager, EventCodec codec, DsrConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.config = config;
        this.clock = clock;
    }

    public UUID inProgress(DsrAction type, String subjectKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            DsrRequest request = new DsrRequest();
            request.id = UUID.randomUUID();
            request.type = type;
            request.apply(RequestAct.ASK_IDENTITY);
            request.apply(RequestAct.VERIFY);
            request.subjectKey = subjectKey;
            request.visitorIds = List.of();
            request.receivedAt = now;
            request.dueAt = now.plus(30, ChronoUnit.DAYS);
            request.commandEvent = codec.write(codec.envelope(EventTypes.DSR_COMMAND, request.id.toString(),
                    subjectKey, new DsrCommand(request.id, type, List.of(), null)));
            request.attempts = 1;
            entityManager.persist(request);
            for (String service : config.participants()) {
                entityManager.persist(ParticipantTask.pending(request.id, service, now));
            }
            return request.id;
        });
    }

    public long storedParts(UUID requestId) {
        return count("select count(*) from dsr_export_part where request_id = ?1", requestId);
    }

    /** What a native {@code select count(*)} with positional parameters answers, read in its own transaction. */
    public long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** A record as a participant exports it: field names and scalar values, in this order. */
    public static Map<String, Object> record(Object... fieldsAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            record.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return record;
    }
}
