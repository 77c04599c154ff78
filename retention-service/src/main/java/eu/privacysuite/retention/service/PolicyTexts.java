package eu.privacysuite.retention.service;

import java.util.List;

import eu.privacysuite.shared.dsr.PolicyRecipients;

/** What the reference policy (25/05/2018) says of retention-service's data, quoted for the access report. */
final class PolicyTexts {

    static final String CLOCKS_PURPOSE = "Deleting each of your records when its period runs out: \"Conservation of"
            + " data reduced in time: the data are kept for a limited time, of which the user is informed.\""
            + " (policy art. 1)";

    static final String HOLDS_PURPOSE = "Keeping your records from deletion while a legal claim or your request for"
            + " limitation requires them: \"The user has the right to request the limitation or oppose the processing"
            + " of his data when one of the elements referred to in article 18 of the RGPD applies.\" (policy art. 9.3)";

    static final String SCHEDULE_PURPOSE = "Telling you how long each kind of your data is kept: \"the data are kept"
            + " for a limited time, of which the user is informed\" (policy art. 1; periods in policy art. 3)";

    static final String LEGAL_OBLIGATION_BASIS = "Legal obligation: \"The treatment meets a legal obligation"
            + " incumbent on the controller\" (policy art. 1; GDPR art. 5(1)(e))";

    static final String CLOCKS_SOURCE = "The services of the site that hold your records (their retention events)";

    static final String HOLDS_SOURCE = "The data controller, or your request for limitation (policy art. 9.3)";

    static final String SCHEDULE_SOURCE = "The retention schedule of the policy (art. 3)";

    static final List<String> RECIPIENTS = PolicyRecipients.ALL;

    private PolicyTexts() {
    }
}
