package eu.privacysuite.retention.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A legal hold to place: on a subject (their email, never stored: only its key) or on one record, with the
 * reason (a case number, a litigation) that the audit keeps.
 */
public record HoldRequest(@Valid Subject subject, @Valid Record record, @NotBlank @Size(max = 500) String reason) {

    public record Subject(@NotBlank @Email @Size(max = 254) String email) {

        public Subject {
            email = email == null ? null : email.strip();
        }
    }

    public record Record(@NotBlank @Size(max = 100) String category, @NotBlank @Size(max = 200) String recordId) {
    }

    @AssertTrue(message = "name either a subject or a record")
    public boolean isOneTarget() {
        return (subject == null) != (record == null);
    }
}
