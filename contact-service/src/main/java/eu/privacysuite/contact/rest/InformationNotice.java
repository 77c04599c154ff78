package eu.privacysuite.contact.rest;

import java.util.Locale;
import java.util.ResourceBundle;

import eu.privacysuite.contact.service.RetentionTerms;

/**
 * The information notice every answer of the form and the newsletter carries (GDPR art. 13, policy art. 2 to 10),
 * in the site's language; the texts are in notice_fr.properties and notice_en.properties, the retention periods
 * come from the schedule ({@link RetentionTerms}).
 */
public record InformationNotice(String language, String controller, String purposes, String legalBasis,
        String recipients, String retention, String rights, String howToExercise, String minors) {

    /** The notice in the language; the retention periods are the schedule's in force. */
    public static InformationNotice in(String language, RetentionTerms terms) {
        ResourceBundle texts = ResourceBundle.getBundle("notice", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new InformationNotice(language, texts.getString("controller"), texts.getString("purposes"),
                texts.getString("legalBasis"), texts.getString("recipients"),
                texts.getString("retention").replace("{prospect}", terms.prospect(language))
                        .replace("{newsletter}", terms.newsletter(language)),
                texts.getString("rights"), texts.getString("howToExercise"), texts.getString("minors"));
    }
}
