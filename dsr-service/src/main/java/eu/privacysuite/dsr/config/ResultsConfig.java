package eu.privacysuite.dsr.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the results of a request stay downloadable, and how they are shown to the person. */
@ConfigMapping(prefix = "dsr.results")
public interface ResultsConfig {

    /** After completion, the report or package can be downloaded this long; then the stored exports are deleted. */
    @WithDefault("P7D")
    Duration keepFor();

    /** How often the job looks for results whose download window has closed; the scheduler reads it as {@code every}. */
    @WithDefault("10m")
    Duration expiryCheckInterval();

    /** The time zone of the dates written for the person (report and summary). */
    @WithDefault("Europe/Paris")
    ZoneId zone();

    /** The most parts one participant's export may be cut into (128K characters each by default). */
    @WithDefault("1000")
    int maxExportParts();
}
