package eu.privacysuite.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the four services answer, as the console calls them (server to server, with the user's token). */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    Services services();

    /** How many requests the inbox asks dsr-service for (its limit is 200), then pages itself. */
    @WithDefault("200")
    int inboxFetch();

    /** Rows a page of the inbox shows. */
    @WithDefault("20")
    int pageSize();

    /**
     * The largest JSON body the console sends a service, in bytes: the smallest of the services' own limits
     * ({@code privacy.http.max-body-size}, 16 KB). A form over it is refused by the console (413): a service would
     * answer 413 and close the connection while the body is still being sent, which reads as no answer at all.
     */
    @WithDefault("16384")
    int maxJsonBody();

    interface Services {
        @WithDefault("http://127.0.0.1:8081")
        String consent();

        @WithDefault("http://127.0.0.1:8082")
        String contact();

        @WithDefault("http://127.0.0.1:8083")
        String dsr();

        @WithDefault("http://127.0.0.1:8084")
        String retention();
    }
}
