package eu.privacysuite.retention.service;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.retention.config.ExternalSystems;
import eu.privacysuite.retention.service.ExternalPurgeDeliveries.Outgoing;
import eu.privacysuite.shared.external.ExternalSignature;
import io.quarkus.scheduler.Scheduled;

/**
 * Posts the purge orders of systems outside the suite to their purge endpoints (decision 0048), each a signed HTTP
 * POST (decision 0043) made outside any transaction with the JDK's {@link HttpClient}: the claim, the exchange, then
 * what it gave, each on its own. Safe with several replicas: a claimed order is locked with SKIP LOCKED and leased.
 */
@ApplicationScoped
public class ExternalPurgeSender {

    private static final Logger LOG = Logger.getLogger(ExternalPurgeSender.class);
    private static final int BATCH = 20;

    private final ExternalPurgeDeliveries deliveries;
    private final ExternalSystems systems;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public ExternalPurgeSender(ExternalPurgeDeliveries deliveries, ExternalSystems systems, Clock clock) {
        this.deliveries = deliveries;
        this.systems = systems;
        this.clock = clock;
    }

    @Scheduled(identity = "retention-external-purge-orders", every = "${privacy.retention.external.send-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        if (systems.systems().values().stream().allMatch(s -> s.purgeEndpoint().isEmpty())) {
            return;
        }
        List<Outgoing> due;
        do {
            due = deliveries.claimDue(BATCH);
            for (Outgoing o : due) {
                try {
                    send(o);
                } catch (RuntimeException e) {
                    // The lease runs out and the order is delivered again.
                    LOG.warnf("purge order %s: the exchange with %s could not be recorded: %s", o.orderId(), o.system(),
                            e.getClass().getSimpleName());
                }
            }
        } while (due.size() == BATCH);
    }

    private void send(Outgoing o) {
        long timestamp = Instant.now(clock).getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(o.endpoint()).timeout(o.timeout())
                .header("Content-Type", "application/json")
                .header(ExternalSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(ExternalSignature.SIGNATURE_HEADER, ExternalSignature.sign(o.key(), timestamp, o.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(o.body())).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            deliveries.fault(o, "timeout after " + o.timeout());
            return;
        } catch (IOException e) {
            deliveries.fault(o, e.getClass().getSimpleName());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliveries.fault(o, "interrupted");
            return;
        }
        if (status >= 200 && status < 300) {
            deliveries.taken(o);
        } else if (refusal(status)) {
            deliveries.refused(o, status);
        } else {
            deliveries.fault(o, "HTTP " + status);
        }
    }

    /** A 4xx is the system's refusal, but 408 (Request Timeout) and 429 (Too Many Requests), which are faults. */
    public static boolean refusal(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
