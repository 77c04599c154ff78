package eu.privacysuite.shared.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON text value (or map key) breaks {@link PlainText}; Jackson adds the field's path as it unwinds. */
public class ControlCharacterException extends MismatchedInputException {

    public static final String RULE = "must not contain control characters";

    public ControlCharacterException(JsonParser parser) {
        super(parser, "text holds control characters", String.class);
    }
}
