package eu.privacysuite.retention.service;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.PurgeReport;

/**
 * An external system's signed report of a purge order, settled by the same {@link PurgeReports} as an internal
 * owner's report on the bus: deleted records count as purged, not found ones as already gone, refused ones as held
 * (the ledger takes them back and the next sweep orders them again). The first report is kept; a replay changes
 * nothing.
 */
@ApplicationScoped
public class ExternalPurgeReports {

    /** What became of a report, for the system's answer. */
    public enum Outcome {
        /** This report settled the order. */
        RECORDED,
        /** The order was settled already: the report (a replay) changed nothing. */
        ALREADY_REPORTED,
        /** No such order. */
        UNKNOWN_ORDER,
        /** The order is another owner's. */
        ANOTHER_SYSTEMS_ORDER,
        /** The lists do not name every record of the order exactly once. */
        NOT_THE_ORDERS_RECORDS
    }

    private final PurgeOrderRepository orders;
    private final PurgeReports reports;
    private final EventCodec codec;

    public ExternalPurgeReports(PurgeOrderRepository orders, PurgeReports reports, EventCodec codec) {
        this.orders = orders;
        this.reports = reports;
        this.codec = codec;
    }

    @Transactional
    public Outcome report(String system, UUID orderId, List<String> deleted, List<String> notFound,
            List<String> refused) {
        Optional<PurgeOrderEntity> found = orders.lock(orderId);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_ORDER;
        }
        PurgeOrderEntity order = found.get();
        if (!order.service.equals(system)) {
            return Outcome.ANOTHER_SYSTEMS_ORDER;
        }
        List<String> ordered = codec.data(codec.read(order.orderEvent), PurgeOrder.class).recordIds();
        if (!eachOnce(ordered, deleted, notFound, refused)) {
            return Outcome.NOT_THE_ORDERS_RECORDS;
        }
        boolean settled = reports.settle(order, new PurgeReport(order.id, system, order.category, deleted, notFound,
                refused));
        return settled ? Outcome.RECORDED : Outcome.ALREADY_REPORTED;
    }

    /** Whether the three lists together name each record of the order once, and nothing else. */
    public static boolean eachOnce(List<String> ordered, List<String> deleted, List<String> notFound, List<String> refused) {
        Set<String> seen = new HashSet<>();
        boolean noRepeat = Stream.of(deleted, notFound, refused).flatMap(List::stream).allMatch(seen::add);
        return noRepeat && seen.size() == ordered.size() && seen.containsAll(ordered);
    }
}
