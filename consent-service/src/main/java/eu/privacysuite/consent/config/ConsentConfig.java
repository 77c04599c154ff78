package eu.privacysuite.consent.config;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a cookie choice holds (ARCHITECTURE.md §6): the CNIL's 13 months at most, asked again after 6. */
@ConfigMapping(prefix = "consent")
public interface ConsentConfig {

    /** No consent outlives this; a visit never extends it. */
    @WithDefault("P13M")
    Period validFor();

    /** After this the banner asks again, even though the stored choice still holds. */
    @WithDefault("P6M")
    Period askAgainAfter();
}
