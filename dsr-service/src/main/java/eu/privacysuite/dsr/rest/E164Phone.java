package eu.privacysuite.dsr.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/** A valid phone number written in E.164 ("+33553692200"), as libphonenumber reads it; null passes. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = E164Phone.Validator.class)
public @interface E164Phone {

    String message() default "must be a valid phone number in E.164 form such as +33553692200";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<E164Phone, String> {
        private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                // No default region: only an international number (leading +) parses.
                var number = UTIL.parse(value, null);
                return UTIL.isValidNumber(number) && UTIL.format(number, PhoneNumberFormat.E164).equals(value);
            } catch (NumberParseException e) {
                return false;
            }
        }
    }
}
