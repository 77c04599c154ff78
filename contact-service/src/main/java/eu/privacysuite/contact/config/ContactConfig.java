package eu.privacysuite.contact.config;

import java.time.Duration;

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

    /** How often unconfirmed holds, subscriptions and expired tokens are deleted (scheduler syntax). */
    @WithDefault("10m")
    String sweepInterval();

    Mail mail();

    Minors minors();

    RateLimit rateLimit();

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

    interface RateLimit {
        /** Submissions one client may make per period on the public endpoints. */
        @WithDefault("20")
        long requests();

        @WithDefault("PT10M")
        Duration period();
    }
}
