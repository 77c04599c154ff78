package eu.privacysuite.dsr.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * The recipients of the personal data the policy names (art. 4.1: the processors, such as the e-mailing company,
 * the host and the accountant), each told of a completed RECTIFICATION, ERASURE or RESTRICTION (GDPR art. 19).
 * Keyed by a short id: {@code dsr.recipients.<id>.name}, {@code .channel}, {@code .contact}.
 */
@ConfigMapping(prefix = "dsr.recipients")
public interface RecipientsConfig {

    /** Every recipient; none when the deployment names none. */
    @WithParentName
    Map<String, Recipient> all();

    enum Channel {
        EMAIL, POST, NONE
    }

    interface Recipient {

        /** Who it is, as the policy names it. */
        String name();

        /** How a notice is to reach it (delivery itself is issue 20: today every notice is listed only). */
        @WithDefault("NONE")
        Channel channel();

        /** Where: an address, a postal address; absent until the deployment sets it. */
        Optional<String> contact();
    }
}
