package eu.privacysuite.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import eu.privacysuite.shared.subject.SubjectKeys;

class SubjectKeysTest {

    private final SubjectKeys keys = new SubjectKeys("a-pepper-of-at-least-16-chars");

    @Test
    void emailWithOtherCaseOrSpacesIsTheSameSubject() {
        assertEquals(keys.forEmail("jane.doe@example.org"), keys.forEmail("  Jane.DOE@Example.ORG \t"));
    }

    @Test
    void composedAndDecomposedAccentsAreTheSameSubject() {
        assertEquals(keys.forEmail("ren\u00e9@example.fr"), keys.forEmail("rene\u0301@example.fr"));
    }

    @Test
    void unicodeDomainAndItsAsciiFormAreTheSameSubject() {
        assertEquals(keys.forEmail("jane@xn--exmple-cua.org"), keys.forEmail("Jane@Ex\u00e4mple.org"));
    }

    @Test
    void keyIsBase64UrlOfSha256AndRevealsNothingOfTheEmail() {
        String key = keys.forEmail("jane.doe@example.org");
        assertEquals(43, key.length());
        assertTrue(key.matches("[A-Za-z0-9_-]+"));
        assertTrue(!key.contains("jane"));
    }

    @Test
    void keyIsTheHmacOfTheNormalisedEmailAsStoredRowsHoldIt() {
        // base64url(HMAC-SHA-256(pepper, "jane.doe@example.org")), computed outside Java: rows already stored
        // under this key must still be found whatever the code computing it becomes
        assertEquals("RraMn220YQ3LGc4gMesDwptV1JPHVsycb6-HMAbVtV4", keys.forEmail(" Jane.Doe@example.org"));
    }

    @Test
    void anotherPepperGivesAnotherKey() {
        SubjectKeys other = new SubjectKeys("another-pepper-16-chars-long");
        assertNotEquals(keys.forEmail("jane.doe@example.org"), other.forEmail("jane.doe@example.org"));
    }

    @Test
    void tombstoneIsNotTheSubjectKey() {
        String key = keys.forEmail("jane.doe@example.org");
        assertNotEquals(key, keys.tombstone(key));
        assertEquals(keys.tombstone(key), keys.tombstone(key));
    }

    @Test
    void shortPepperIsRefused() {
        assertThrows(IllegalStateException.class, () -> new SubjectKeys("short"));
    }
}
