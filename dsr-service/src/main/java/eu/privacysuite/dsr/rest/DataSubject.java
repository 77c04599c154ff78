package eu.privacysuite.dsr.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Who the request is for, as policy art. 9 asks: first name, last name and e-mail address. The request is known by
 * the subject key derived from the email; the email itself is kept sealed only until identity is decided (a code
 * may be mailed to it); the names are not kept.
 */
public record DataSubject(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName) {

    /** Surrounding spaces are typing noise, not data: " Jane@Example.org " is Jane's address. */
    public DataSubject {
        email = email == null ? null : email.strip();
        firstName = firstName == null ? null : firstName.strip();
        lastName = lastName == null ? null : lastName.strip();
    }
}
