package eu.privacysuite.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import eu.privacysuite.contact.domain.EmailAddresses;

class EmailAddressesTest {

    @Test
    void oneMailboxHasOneCanonicalFormWithTheDomainInAscii() {
        assertEquals("jane.doe+news@example.org", EmailAddresses.canonical("Jane.Doe+news@EXAMPLE.org").orElseThrow());
        assertEquals("jane@xn--exmple-cua.org", EmailAddresses.canonical("jane@exämple.org").orElseThrow());
        assertEquals(EmailAddresses.canonical("jane@xn--exmple-cua.org"), EmailAddresses.canonical("jane@EXÄMPLE.org"));
        // Full-width letters in the domain are the same domain once in ASCII form.
        assertEquals("jane@example.org", EmailAddresses.canonical("jane@ｅｘａｍｐｌｅ.org").orElseThrow());
    }

    @Test
    void hiddenOrAmbiguousFormsAreRefused() {
        for (String trick : new String[] { "\"jane\"@example.org", "jane\u200d@example.org", "jane@example.org\u2060",
                "ｊａｎｅ@example.org", "jane@exa\u00admple.org", "jane @example.org", "jane@example.org.", "@example.org",
                "jane@", "jane@example", "jane@[::1]" }) {
            assertTrue(EmailAddresses.canonical(trick).isEmpty(), trick);
        }
    }
}
