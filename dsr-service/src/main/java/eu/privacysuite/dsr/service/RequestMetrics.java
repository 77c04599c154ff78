package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.dsr.domain.DsrRequestRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What an operator watches: requests still open, requests past the 30-day deadline, and commands re-sent to
 * silent participants. The gauges are refreshed by the saga's periodic check, not by each scrape.
 */
@ApplicationScoped
public class RequestMetrics {

    private final DsrRequestRepository requests;
    private final Clock clock;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final Counter resent;

    public RequestMetrics(DsrRequestRepository requests, Clock clock, MeterRegistry registry) {
        this.requests = requests;
        this.clock = clock;
        Gauge.builder("privacy.dsr.requests.open", open, AtomicLong::get)
                .description("data-subject requests not completed").register(registry);
        Gauge.builder("privacy.dsr.requests.overdue", overdue, AtomicLong::get)
                .description("data-subject requests past their due date and not completed").register(registry);
        this.resent = Counter.builder("privacy.dsr.commands.resent")
                .description("commands sent again to silent participants").register(registry);
    }

    public void commandResent() {
        resent.increment();
    }

    public void refresh() {
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            open.set(requests.countOpen());
            overdue.set(requests.countOverdue(now));
        });
    }
}
