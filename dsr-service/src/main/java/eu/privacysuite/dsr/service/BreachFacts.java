package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.util.List;

import eu.privacysuite.dsr.domain.BreachNature;
import eu.privacysuite.dsr.domain.BreachRisk;

/** What the controller states about a breach, checked field by field at the door, and across fields by Breaches. */
public record BreachFacts(Instant occurredAt, Instant awareAt, List<BreachNature> natures, List<String> dataCategories,
        List<String> retentionCategories, Instant windowFrom, Instant windowUntil, int approxSubjects,
        int approxRecords, String description, String consequences, String measures, String dpoContact,
        BreachRisk risk, String riskReasons) {
}
