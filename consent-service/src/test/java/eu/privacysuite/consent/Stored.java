package eu.privacysuite.consent;

import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.VisitorLinkRepository;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What consent-service stored, counted in a transaction of its own (so a test sees what the consumers committed). */
final class Stored {

    static long proofs(String field, Object value) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Arc.container().instance(ConsentProofRepository.class).get().count(field, value));
    }

    static long links(String field, Object value) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Arc.container().instance(VisitorLinkRepository.class).get().count(field, value));
    }

    private Stored() {
    }
}
