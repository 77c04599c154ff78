package eu.privacysuite.shared.dsr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RECTIFICATION: the values the subject asked to correct; a null field stays as it is. dsr-service validated them
 * (email syntax, E.164 phone, ISO country) before sealing them into the command. A changed {@code email} changes
 * the subject key: the participant re-keys what it holds under the new key, which it receives beside.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Corrections(String email, String civility, String firstName, String lastName, String phone,
        String postalAddress, String country) {

    public boolean isEmpty() {
        return email == null && civility == null && firstName == null && lastName == null && phone == null
                && postalAddress == null && country == null;
    }
}
