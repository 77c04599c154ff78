package eu.privacysuite.contact.service;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers as libphonenumber reads them: national numbers are read in the form's country. */
public final class PhoneNumbers {

    private static final String DEFAULT_REGION = "FR";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** The number in E.164 ("+33553692200"), or empty when it is not a valid number. */
    public static Optional<String> toE164(String raw, String country) {
        try {
            PhoneNumber number = UTIL.parse(raw, country == null ? DEFAULT_REGION : country);
            return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private PhoneNumbers() {
    }
}
