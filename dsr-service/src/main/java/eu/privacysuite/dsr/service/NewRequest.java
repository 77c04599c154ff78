package eu.privacysuite.dsr.service;

import java.util.List;
import java.util.UUID;

import eu.privacysuite.dsr.domain.RequestChannel;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.events.DsrAction;

/**
 * A request as the intake takes it, already checked: {@code corrections} only for RECTIFICATION and
 * {@code directive} only for POST_MORTEM_DIRECTIVE, null otherwise; {@code language} fr or en.
 */
public record NewRequest(DsrAction type, String email, RequestChannel channel, List<UUID> visitorIds,
        Corrections corrections, Directive directive, String language) {
}
