package eu.privacysuite.dsr.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import eu.privacysuite.shared.events.DsrAction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Systems outside the suite that take part in requests over signed HTTP (docs/external-systems.md, decision
 * 0042): {@code dsr.external.participants.<name>.rights}, {@code .endpoint}, {@code .signing-key}, {@code .timeout},
 * {@code .answers}, {@code .format}, {@code .answer-within}. None by default.
 */
@ConfigMapping(prefix = "dsr.external")
public interface ExternalConfig {

    /** Every external participant, by its name (lower-case letters, digits and dashes). */
    Map<String, Participant> participants();

    /** dsr-service's public base URL, to which a participant answering later sends its callback. */
    @WithDefault("http://127.0.0.1:8083")
    URI callbackBase();

    /** A signed message whose timestamp is further than this from now is refused (both directions). */
    @WithDefault("PT5M")
    Duration replayWindow();

    /** The first wait after a fault; it doubles with each fault, up to {@link #retryBackoffMax()}. */
    @WithDefault("PT2S")
    Duration retryBackoffMin();

    @WithDefault("PT10M")
    Duration retryBackoffMax();

    /** How often the dispatcher looks for commands to send; the scheduler reads it as {@code every}. */
    @WithDefault("1s")
    Duration sendInterval();

    /** Whether the participant answers in the response to the command, or later by a signed callback. */
    enum Answers {
        NOW, CALLBACK
    }

    /** The body's format: the suite's own JSON, or OpenDSR 1.0 (erasure, access, portability only). */
    enum Format {
        SUITE, OPENDSR
    }

    interface Participant {

        /** The rights it takes part in: a request of another type does not address it. */
        Set<DsrAction> rights();

        /** Where the commands are posted: HTTPS (plain HTTP is accepted for a loopback address only). */
        URI endpoint();

        /** The shared secret of the HMAC-SHA256 signatures, at least 32 characters; a Secret in Kubernetes. */
        String signingKey();

        /** How long one HTTP exchange may take before it counts as a fault and is retried. */
        @WithDefault("PT10S")
        Duration timeout();

        @WithDefault("NOW")
        Answers answers();

        @WithDefault("SUITE")
        Format format();

        /** Without an answer this long after the command was first sent, the request needs attention. */
        @WithDefault("P2D")
        Duration answerWithin();
    }
}
