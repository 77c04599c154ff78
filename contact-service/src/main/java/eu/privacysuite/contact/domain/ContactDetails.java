package eu.privacysuite.contact.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The details a person gives on the form, as a contact request carries them and as the prospect file keeps them
 * (the same columns in both tables). Which of them may be null is the tables' business (the migrations).
 */
@Embeddable
public class ContactDetails {

    @Enumerated(EnumType.STRING)
    public Civility civility;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String email;

    /** E.164. */
    public String phone;

    @Column(name = "postal_address")
    public String postalAddress;

    /** ISO 3166-1 alpha-2. */
    @Column(columnDefinition = "bpchar(2)")
    public String country;

    public ContactDetails copy() {
        ContactDetails copy = new ContactDetails();
        copy.civility = civility;
        copy.firstName = firstName;
        copy.lastName = lastName;
        copy.email = email;
        copy.phone = phone;
        copy.postalAddress = postalAddress;
        copy.country = country;
        return copy;
    }
}
