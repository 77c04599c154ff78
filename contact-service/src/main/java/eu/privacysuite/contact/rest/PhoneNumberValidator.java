package eu.privacysuite.contact.rest;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import eu.privacysuite.contact.service.PhoneNumbers;

/** Checks the phone with libphonenumber and reports the error on the {@code phone} field. */
public class PhoneNumberValidator implements ConstraintValidator<ValidPhone, ContactRequestForm> {

    @Override
    public boolean isValid(ContactRequestForm form, ConstraintValidatorContext context) {
        if (form == null || form.phone() == null || form.phone().isBlank()) {
            return true;
        }
        if (PhoneNumbers.toE164(form.phone(), form.country()).isPresent()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("phone").addConstraintViolation();
        return false;
    }
}
