package eu.privacysuite.contact.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schedule's periods as the notice and the mails write them. */
class RetentionTermsTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "P3Y, fr, 3 ans", "P3Y, en, 3 years", "P1Y, fr, 1 an", "P1Y, en, 1 year", "P18M, fr, 18 mois",
            "P18M, en, 18 months", "P1Y6M, fr, 1 an et 6 mois", "P1Y6M, en, 1 year and 6 months",
            "P30D, fr, 30 jours", "P0D, fr, 0 jour", "P0D, en, 0 days", "PT2M, en, 2 minutes", "PT24H, fr, 1 jour",
            "P1Y1M1D, en, '1 year, 1 month and 1 day'", "p3y, de, 3 ans" })
    void periodInWords(String iso, String language, String words) {
        assertEquals(words, RetentionTerms.inWords(iso, language));
    }
}
