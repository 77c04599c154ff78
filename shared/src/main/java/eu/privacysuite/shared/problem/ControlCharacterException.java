package eu.privacysuite.shared.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON text value (or map key) breaks the plain-text rule of the REST layer; Jackson adds the field's path as it
 * unwinds. It lives beside its mapper so that the REST layer depends on the problems, never the other way round.
 */
public class ControlCharacterException extends MismatchedInputException {

    public static final String RULE = "must not contain control characters";

    public ControlCharacterException(JsonParser parser) {
        super(parser, "text holds control characters", String.class);
    }
}
