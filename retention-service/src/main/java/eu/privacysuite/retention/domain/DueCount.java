package eu.privacysuite.retention.domain;

/** Per category: records due and purgeable, and records due but held. */
public record DueCount(String category, long due, long held) {
}
