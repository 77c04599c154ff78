package eu.privacysuite.shared.dsr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.seal.SealedFieldException;
import eu.privacysuite.shared.seal.SealedFields;

/**
 * The sealed parts of the DSR contract. An export is written as JSON and cut into parts of at most
 * {@code privacy.dsr.export-part-chars} characters (default 128K: at most 3 UTF-8 bytes a Java char, so at most
 * 384 KiB, about 512 KiB once sealed and base64-encoded, under the broker's 1 MB record limit whatever the text),
 * never between the two halves of a surrogate pair, each sealed with the request, the service and its position as
 * associated data: a part cannot be moved to another request, service or place. Corrections are sealed to their
 * request.
 */
@ApplicationScoped
public class SealedExports {

    private final SealedFields sealed;
    private final ObjectMapper mapper;
    private final int partChars;

    public SealedExports(SealedFields sealed, ObjectMapper mapper,
            @ConfigProperty(name = "privacy.dsr.export-part-chars", defaultValue = "131072") int partChars) {
        if (partChars < 1024) {
            throw new IllegalStateException("privacy.dsr.export-part-chars must be at least 1024");
        }
        this.sealed = sealed;
        this.mapper = mapper;
        this.partChars = partChars;
    }

    /** The export as sealed parts, in order; at least one. */
    public List<String> seal(UUID requestId, String service, SubjectExport export) {
        return sealParts(write(export), (part, parts) -> exportData(requestId, service, part, parts));
    }

    /** A participant's people in a breach's scope as sealed parts, in order, sealed to the search and service. */
    public List<String> sealPeople(UUID searchId, String service, List<AffectedPerson> people) {
        return sealParts(write(new People(people)), (part, parts) -> peopleData(searchId, service, part, parts));
    }

    /** @throws SealedFieldException when a part was sealed for another search, service or position, or is tampered */
    public List<AffectedPerson> openPeople(UUID searchId, String service, List<String> parts) {
        StringBuilder json = new StringBuilder();
        for (int part = 0; part < parts.size(); part++) {
            json.append(sealed.open(parts.get(part), peopleData(searchId, service, part, parts.size())));
        }
        try {
            return mapper.readValue(json.toString(), People.class).people();
        } catch (JsonProcessingException e) {
            throw new SealedFieldException("the opened parts are not a list of people");
        }
    }

    /** @throws SealedFieldException when the part was sealed for another search, service or position, or is tampered */
    public void checkPeoplePart(UUID searchId, String service, int part, int parts, String sealedPart) {
        sealed.open(sealedPart, peopleData(searchId, service, part, parts));
    }

    /** The JSON of the people list. */
    public record People(List<AffectedPerson> people) {
        public People {
            people = people == null ? List.of() : List.copyOf(people);
        }
    }

    private List<String> sealParts(String json, java.util.function.BiFunction<Integer, Integer, String> data) {
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start < json.length() || pieces.isEmpty(); ) {
            int end = Math.min(json.length(), start + partChars);
            if (end < json.length() && Character.isHighSurrogate(json.charAt(end - 1))) {
                end--; // a character outside the BMP stays whole: half of it would not survive UTF-8
            }
            pieces.add(json.substring(start, end));
            start = end;
        }
        List<String> out = new ArrayList<>(pieces.size());
        for (int part = 0; part < pieces.size(); part++) {
            out.add(sealed.seal(pieces.get(part), data.apply(part, pieces.size())));
        }
        return out;
    }

    /**
     * Opens the parts of one participant's export, given in order.
     *
     * @throws SealedFieldException when a part was sealed for another request, service or position, or is tampered
     */
    public SubjectExport open(UUID requestId, String service, List<String> parts) {
        StringBuilder json = new StringBuilder();
        for (int part = 0; part < parts.size(); part++) {
            json.append(sealed.open(parts.get(part), exportData(requestId, service, part, parts.size())));
        }
        try {
            return mapper.readValue(json.toString(), SubjectExport.class);
        } catch (JsonProcessingException e) {
            throw new SealedFieldException("the opened export is not a subject export");
        }
    }

    /**
     * Checks one part as it arrives, before the others are in: it must open as part {@code part} of {@code parts}
     * of this request's and service's export.
     *
     * @throws SealedFieldException when the part was sealed for another request, service or position, or is tampered
     */
    public void checkPart(UUID requestId, String service, int part, int parts, String sealedPart) {
        sealed.open(sealedPart, exportData(requestId, service, part, parts));
    }

    public String sealCorrections(UUID requestId, Corrections corrections) {
        return sealed.seal(write(corrections), "dsr-corrections:" + requestId);
    }

    /** @throws SealedFieldException when the corrections were sealed for another request or are tampered */
    public Corrections openCorrections(UUID requestId, String sealedCorrections) {
        try {
            return mapper.readValue(sealed.open(sealedCorrections, "dsr-corrections:" + requestId), Corrections.class);
        } catch (JsonProcessingException e) {
            throw new SealedFieldException("the opened corrections are not corrections");
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private static String peopleData(UUID searchId, String service, int part, int parts) {
        return "dsr-breach-people:" + searchId + ":" + service + ":" + part + "/" + parts;
    }

    private static String exportData(UUID requestId, String service, int part, int parts) {
        return "dsr-export:" + requestId + ":" + service + ":" + part + "/" + parts;
    }
}
