package eu.privacysuite.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import eu.privacysuite.shared.seal.SealedFieldException;
import eu.privacysuite.shared.seal.SealedFields;

class SealedFieldsTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void sealedValueOpensToThePlaintextAndDoesNotShowIt() {
        SealedFields fields = new SealedFields("k1:" + K1);
        String sealed = fields.seal("{\"email\":\"jane@example.org\"}", "request-1");
        assertTrue(sealed.startsWith("k1:"));
        assertFalse(sealed.contains("jane"));
        assertEquals("{\"email\":\"jane@example.org\"}", fields.open(sealed, "request-1"));
    }

    @Test
    void rotatedKeysStillOpenWhatTheOldKeySealed() {
        String sealed = new SealedFields("k1:" + K1).seal("value", "r");
        SealedFields rotated = new SealedFields("k2:" + K2 + ",k1:" + K1);
        assertEquals("value", rotated.open(sealed, "r"));
        assertTrue(rotated.seal("value", "r").startsWith("k2:"));
    }

    @Test
    void tamperedValueOrOtherContextDoesNotOpen() {
        SealedFields fields = new SealedFields("k1:" + K1);
        String sealed = fields.seal("value", "request-1");
        assertThrows(SealedFieldException.class, () -> fields.open(sealed, "request-2"));
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThrows(SealedFieldException.class, () -> fields.open(tampered, "request-1"));
        assertThrows(SealedFieldException.class, () -> fields.open("k9:" + sealed.substring(3), "request-1"));
    }

    @Test
    void keyOfWrongSizeIsRefused() {
        assertThrows(IllegalStateException.class, () -> new SealedFields("k1:" + Base64.getEncoder().encodeToString(new byte[16])));
    }
}
