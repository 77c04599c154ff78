package eu.privacysuite.contact.service;

import eu.privacysuite.contact.config.ContactConfig;

/** The links mails carry; they point at this service's public endpoints. */
public final class Links {

    public static String confirmation(ContactConfig config, String token) {
        return base(config) + "/api/confirmations/" + token;
    }

    public static String unsubscribe(ContactConfig config, String token) {
        return base(config) + "/api/newsletter/unsubscribe/" + token;
    }

    /** Where a new contact request can be read (by the controller): the Location of the form's answer. */
    public static String contactRequest(ContactConfig config, java.util.UUID id) {
        return base(config) + "/api/contact-requests/" + id;
    }

    private static String base(ContactConfig config) {
        String base = config.publicBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private Links() {
    }
}
