package eu.privacysuite.dsr.domain;

/** What a breach broke (the three kinds the EDPB guidelines 9/2022 name): secrecy, correctness, or access. */
public enum BreachNature {
    CONFIDENTIALITY, INTEGRITY, AVAILABILITY
}
