package eu.privacysuite.contact.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The phone number, when given, is a valid number for the form's country (France when none is given). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneNumberValidator.class)
public @interface ValidPhone {

    String message() default "must be a valid phone number for the country";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
