package eu.privacysuite.consent.service;

import java.util.List;

import eu.privacysuite.shared.dsr.PolicyRecipients;

/** What the reference policy (25/05/2018) says of consent-service's data, quoted for the access report. */
final class PolicyTexts {

    static final String PROOFS_PURPOSE = "Recording your cookie choices so that only the cookies you accepted are"
            + " set: \"You can accept or refuse the deposit of cookies at any time.\" (policy art. 11.2). The cookies"
            + " themselves: \"The data related to your navigation on the website are used to optimize the operation"
            + " of our website and measure attendance and are kept for a maximum of 13 months.\" (policy art. 3)";

    static final String PROOFS_BASIS = "Legal obligation: \"The treatment meets a legal obligation incumbent on the"
            + " controller\" (policy art. 1): proving the consent to cookies (GDPR art. 7(1)). The cookies that need"
            + " it are set on consent: \"The user has expressly consented to the treatment\" (policy art. 1)";

    static final String PROOFS_SOURCE = "You, through the cookie banner and its \"Service Management\" panel"
            + " (policy art. 11.2)";

    static final String LINKS_PURPOSE = "Knowing which browser is yours once you identified yourself through the"
            + " contact form, so that your rights (policy art. 9) reach your cookie choices too. The policy states no"
            + " purpose of its own for this link";

    static final String LINKS_BASIS = "Legal obligation: \"The treatment meets a legal obligation incumbent on the"
            + " controller\" (policy art. 1): answering your requests (GDPR art. 12)";

    static final String LINKS_SOURCE = "A contact form you sent from that browser, once its email address was"
            + " confirmed";

    static final List<String> RECIPIENTS = PolicyRecipients.ALL;

    private PolicyTexts() {
    }
}
