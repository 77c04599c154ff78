package eu.privacysuite.shared.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a free-text field of a request record (a message, a postal address) that may hold line breaks and tabs.
 * Every other text field of a JSON body is one line: {@link PlainText} refuses any control character in it.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface MultilineText {
}
