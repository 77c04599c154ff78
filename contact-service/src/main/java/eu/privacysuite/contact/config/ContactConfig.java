package eu.privacysuite.contact.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What ops may change in contact-service: links in mails, token lifetimes, minors, the rate limit. */
@ConfigMapping(prefix = "contact")
public interface ContactConfig {

    /** Where the confirmation and unsubscribe links in mails point (this service as the public sees it). */
    @WithDefault("http://localhost:8082")
    String publicBaseUrl();

    /** How long the link of an acknowledgement or newsletter confirmation stays valid. */
    @WithDefault("P2D")
    Duration confirmationTtl();

    /**
     * How often unconfirmed holds, subscriptions and expired tokens are deleted, and refilled rate-limit buckets
     * forgotten: once per interval across the replicas (the scheduler reads it as {@code every}).
     */
    @WithDefault("10m")
    Duration sweepInterval();

    Mail mail();

    Minors minors();

    RateLimit rateLimit();

    Proxy proxy();

    interface Mail {
        /** How often the queued mails are sent (scheduler syntax). */
        @WithDefault("1s")
        String sendInterval();
    }

    interface Minors {
        /** Below this declared age a parent's joint consent is needed (policy art. 10: 15 in France). */
        @WithDefault("15")
        int consentAge();

        /** How long a minor's submission waits for the parent before it is deleted. */
        @WithDefault("P7D")
        Duration holdTtl();
    }

    /** The reverse proxy in front of the service, whose X-Forwarded-For names the client (decision 0022). */
    interface Proxy {
        /** Whether the service is behind one; otherwise the client is the peer and the header is ignored. */
        @WithDefault("false")
        boolean enabled();

        /** The peers whose X-Forwarded-For is believed: addresses or CIDR ranges (10.0.0.0/8). */
        @WithDefault("127.0.0.1")
        List<String> trusted();
    }

    interface RateLimit {
        /** Submissions one client may make per period on the public endpoints. */
        @WithDefault("20")
        long requests();

        @WithDefault("PT10M")
        Duration period();
    }
}
