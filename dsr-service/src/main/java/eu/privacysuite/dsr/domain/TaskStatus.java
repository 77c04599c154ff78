package eu.privacysuite.dsr.domain;

/** Whether a participant has answered its command. */
public enum TaskStatus {
    PENDING, REPLIED
}
