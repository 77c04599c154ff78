package eu.privacysuite.dsr.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import eu.privacysuite.shared.rest.MultilineText;

/** Why the person is not to get the completion letter for this request (it came by post, say): recorded. */
public record LetterOffForm(@MultilineText @NotBlank @Size(max = 500) String reason) {
}
