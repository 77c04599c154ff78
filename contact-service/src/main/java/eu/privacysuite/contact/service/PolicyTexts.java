package eu.privacysuite.contact.service;

import java.util.List;

import eu.privacysuite.shared.dsr.PolicyRecipients;

/**
 * What the reference policy (25/05/2018) says of contact-service's data, quoted for the access report: purposes
 * (art. 3), legal bases (art. 1 and the preamble), recipients (art. 4).
 */
final class PolicyTexts {

    static final String CONTACT_PURPOSE = "\"The data is used to respond to your requests, make commercial proposals"
            + " and for the constitution and management of a file of prospects for a period of 3 years from the"
            + " collection or last contact from the prospect.\" (policy art. 3, prospect data)";

    static final String NEWSLETTER_PURPOSE = "\"The data is used to provide you with the information you have"
            + " requested by subscribing to the newsletter and is retained for a period of 3 years after your"
            + " unsubscription.\" (policy art. 3, prospect data)";

    static final String LISTS_PURPOSE = "Honouring your objection to prospecting and your request for limitation:"
            + " \"The user has the right to request the limitation or oppose the processing of his data\""
            + " (policy art. 9.3)";

    static final String CONSENT_BASIS = "Consent: \"The user has expressly consented to the treatment\" (policy art. 1);"
            + " the user \"authorizes the Publisher of the site to collect and process, as specified in the Privacy"
            + " Policy, the personal data that he communicates on the Site in the part of his contact request\""
            + " (policy, preamble)";

    static final String LEGAL_OBLIGATION_BASIS = "Legal obligation: \"The treatment meets a legal obligation"
            + " incumbent on the controller\" (policy art. 1; GDPR art. 18 and 21)";

    static final String CONTACT_SOURCE = "You, through the contact form of the Site (policy art. 2.1)";

    static final String PROSPECT_SOURCE = "Your first contact request whose email address was confirmed"
            + " (policy art. 2.1)";

    static final String NEWSLETTER_SOURCE = "You, through the newsletter subscription form of the Site";

    static final String LISTS_SOURCE = "Your request to the data controller (policy art. 9.3)";

    static final List<String> RECIPIENTS = PolicyRecipients.ALL;

    private PolicyTexts() {
    }
}
