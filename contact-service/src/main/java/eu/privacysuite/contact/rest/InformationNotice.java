package eu.privacysuite.contact.rest;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The information notice every answer of the form and the newsletter carries (GDPR art. 13, policy art. 2 to 10),
 * in the site's language; the texts are in notice_fr.properties and notice_en.properties.
 */
public record InformationNotice(String language, String controller, String purposes, String legalBasis,
        String recipients, String retention, String rights, String howToExercise, String minors) {

    public static InformationNotice in(String language) {
        ResourceBundle texts = ResourceBundle.getBundle("notice", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new InformationNotice(language, texts.getString("controller"), texts.getString("purposes"),
                texts.getString("legalBasis"), texts.getString("recipients"), texts.getString("retention"),
                texts.getString("rights"), texts.getString("howToExercise"), texts.getString("minors"));
    }
}
