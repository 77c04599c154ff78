package eu.privacysuite.shared.dsr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.seal.SealedFieldException;
import eu.privacysuite.shared.seal.SealedFields;

class SealedExportsTest {

    private static final SealedFields KEYS = new SealedFields("k1:" + "A".repeat(43) + "=");
    private static final SealedExports EXPORTS = new SealedExports(KEYS, new ObjectMapper(), 1024);

    @Test
    void anExportCutInPartsReassemblesExactlyEvenWhenACutFallsInsideACharacterOutsideTheBmp() {
        // A run of emoji (two chars each) shifted by one char at a time: the 1024-char cuts land inside a pair.
        for (int shift = 0; shift < 2; shift++) {
            UUID request = UUID.randomUUID();
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("message", "x".repeat(shift) + "🙂".repeat(3000));
            SubjectExport export = new SubjectExport("contact-service", List.of(new ExportCategory("contact-requests",
                    "Contact requests", "PROSPECT", "purpose", "basis", "source", List.of("Publisher"),
                    List.of(record))));

            List<String> parts = EXPORTS.seal(request, "contact-service", export);

            assertTrue(parts.size() > 5, "cut at 1024 characters: " + parts.size() + " part(s)");
            assertEquals(export, EXPORTS.open(request, "contact-service", parts), "shift " + shift);
        }
    }

    @Test
    void aPartOpensOnlyInItsPlaceForItsRequestAndService() {
        UUID request = UUID.randomUUID();
        SubjectExport export = new SubjectExport("consent-service", List.of(new ExportCategory("links", "Links",
                null, "p", "b", "s", List.of(), List.of(Map.of("visitorId", "v".repeat(3000))))));
        List<String> parts = EXPORTS.seal(request, "consent-service", export);
        assertTrue(parts.size() > 1);

        List<String> swapped = new ArrayList<>(parts);
        swapped.set(0, parts.get(1));
        swapped.set(1, parts.get(0));
        assertThrows(SealedFieldException.class, () -> EXPORTS.open(request, "consent-service", swapped));
        assertThrows(SealedFieldException.class, () -> EXPORTS.open(UUID.randomUUID(), "consent-service", parts));
        assertThrows(SealedFieldException.class, () -> EXPORTS.open(request, "contact-service", parts));
        assertThrows(SealedFieldException.class, () -> EXPORTS.open(request, "consent-service", parts.subList(0, 1)));
    }

    @Test
    void anEmptyExportIsOnePartAndNoPartHoldsTheTextInClear() {
        UUID request = UUID.randomUUID();
        List<String> parts = EXPORTS.seal(request, "retention-service", new SubjectExport("retention-service", List.of()));
        assertEquals(1, parts.size());
        assertEquals(new SubjectExport("retention-service", List.of()), EXPORTS.open(request, "retention-service", parts));
        assertFalse(parts.get(0).contains("retention-service"));
    }
}
