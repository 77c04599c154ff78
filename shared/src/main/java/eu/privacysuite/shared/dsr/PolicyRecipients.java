package eu.privacysuite.shared.dsr;

import java.util.List;

/**
 * Who receives the personal data, as the reference policy says it (art. 4.1 and 4.2): the same for every category
 * of every participant's export, so stated once.
 */
public final class PolicyRecipients {

    public static final List<String> ALL = List.of(
            "\"Only the Publisher of the site is recipient of your Personal Information.\" (policy art. 4.1)",
            "The Site Editor's subcontractors: \"accountant, registrar, web host, data host, e-mailing company,"
                    + " software publisher Management\" (policy art. 4.1)",
            "\"the administrative or judicial authorities when their disclosure is necessary for the identification,"
                    + " prosecution or prosecution of any individual who may prejudice our rights, any other user or"
                    + " a third\" (policy art. 4.2)");

    private PolicyRecipients() {
    }
}
