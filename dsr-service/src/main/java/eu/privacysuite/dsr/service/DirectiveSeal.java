package eu.privacysuite.dsr.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.seal.SealedFields;

/**
 * Seals a post-mortem directive: to its request while identity is awaited, then to the subject key once it is
 * kept for good, so that a sealed value cannot be moved to another request or person.
 */
@ApplicationScoped
public class DirectiveSeal {

    private final SealedFields sealed;
    private final ObjectMapper mapper;

    public DirectiveSeal(SealedFields sealed, ObjectMapper mapper) {
        this.sealed = sealed;
        this.mapper = mapper;
    }

    public String sealForRequest(UUID requestId, Directive directive) {
        return sealed.seal(write(directive), "dsr-directive-request:" + requestId);
    }

    public Directive openForRequest(UUID requestId, String value) {
        return read(sealed.open(value, "dsr-directive-request:" + requestId));
    }

    public String sealForSubject(String subjectKey, Directive directive) {
        return sealed.seal(write(directive), "dsr-directive:" + subjectKey);
    }

    public Directive openForSubject(String subjectKey, String value) {
        return read(sealed.open(value, "dsr-directive:" + subjectKey));
    }

    private String write(Directive directive) {
        try {
            return mapper.writeValueAsString(directive);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a directive", e);
        }
    }

    private Directive read(String json) {
        try {
            return mapper.readValue(json, Directive.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the opened directive is not a directive");
        }
    }
}
