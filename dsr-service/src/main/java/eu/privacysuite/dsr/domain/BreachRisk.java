package eu.privacysuite.dsr.domain;

/**
 * The controller's risk decision: NONE (unlikely to result in a risk: documented only, art. 33(5)), RISK (the CNIL is
 * notified within 72 hours, art. 33(1)), HIGH_RISK (the people are told as well, art. 34).
 */
public enum BreachRisk {
    NONE, RISK, HIGH_RISK;

    public boolean notifiable() {
        return this != NONE;
    }
}
