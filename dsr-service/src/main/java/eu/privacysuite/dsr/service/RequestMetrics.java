package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What an operator watches: requests still open, requests due soon or past their deadline (the clock running:
 * not while identity is awaited), and commands re-sent to silent participants. The gauges are refreshed by the
 * saga's and the deadline watch's periodic checks, not by each scrape.
 */
@ApplicationScoped
public class RequestMetrics {

    private final DsrRequestRepository requests;
    private final DsrConfig config;
    private final Clock clock;
    private final AtomicLong dueSoon = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final Counter resent;

    public RequestMetrics(DsrRequestRepository requests, DsrConfig config, Clock clock, MeterRegistry registry) {
        this.requests = requests;
        this.config = config;
        this.clock = clock;
        Gauge.builder("privacy.dsr.requests.open", open, AtomicLong::get)
                .description("data-subject requests not completed").register(registry);
        Gauge.builder("privacy.dsr.requests.overdue", overdue, AtomicLong::get)
                .description("open data-subject requests past their due date, the clock running").register(registry);
        // Prometheus: privacy_dsr_requests_due_soon, which the PrivacyDsrDueSoon alert reads.
        Gauge.builder("privacy.dsr.requests.due.soon", dueSoon, AtomicLong::get)
                .description("open data-subject requests due within dsr.due-soon, the clock running")
                .register(registry);
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
            dueSoon.set(requests.countDueSoon(now, now.atOffset(ZoneOffset.UTC).plus(config.dueSoon()).toInstant()));
        });
    }
}
