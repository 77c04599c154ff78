package eu.privacysuite.shared.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import eu.privacysuite.shared.problem.BadParameter;
import eu.privacysuite.shared.problem.ControlCharacterException;

/** The REST mapper and the boolean converter take input exactly as sent, or refuse it. */
class StrictInputTest {

    record One(String email) {
    }

    record Months(int months, String reason) {
    }

    record Flag(boolean active) {
    }

    record Shown(LocalDate shownDate, Instant at) {
    }

    private final ObjectMapper rest = new RestObjectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .getContext(Object.class);

    @Test
    void aRepeatedKeyIsRefusedEvenInAOneFieldBody() {
        assertThrows(JsonParseException.class, () -> rest.readValue("{\"email\":\"a@b.c\",\"email\":\"x@y.z\"}", One.class));
        assertThrows(JsonParseException.class,
                () -> rest.readValue("{\"months\":1,\"reason\":\"a\",\"months\":2}", Months.class));
        assertEquals(new One("a@b.c"), assertDoesNotThrow("{\"email\":\"a@b.c\"}", One.class));
    }

    @Test
    void numbersAndBooleansAreNotCoerced() {
        assertThrows(JsonMappingException.class, () -> rest.readValue("{\"months\":1.5,\"reason\":\"a\"}", Months.class));
        assertThrows(JsonMappingException.class, () -> rest.readValue("{\"months\":1.0,\"reason\":\"a\"}", Months.class));
        assertThrows(JsonMappingException.class, () -> rest.readValue("{\"months\":\"2\",\"reason\":\"a\"}", Months.class));
        assertThrows(JsonMappingException.class, () -> rest.readValue("{\"months\":true,\"reason\":\"a\"}", Months.class));
        assertThrows(JsonMappingException.class, () -> rest.readValue("{\"active\":1}", Flag.class));
        assertThrows(JsonMappingException.class, () -> rest.readValue("{\"active\":\"true\"}", Flag.class));
        assertEquals(new Months(2, "a"), assertDoesNotThrow("{\"months\":2,\"reason\":\"a\"}", Months.class));
    }

    @Test
    void aDateOrInstantIsTakenExactlyAsSent() {
        JsonMappingException nul = assertThrows(ControlCharacterException.class,
                () -> rest.readValue("{\"shownDate\":\"2026-01-31\\u0000\"}", Shown.class));
        assertEquals("shownDate", nul.getPath().get(0).getFieldName());
        JsonMappingException space = assertThrows(JsonMappingException.class,
                () -> rest.readValue("{\"at\":\" 2026-01-31T00:00:00Z\"}", Shown.class));
        assertEquals("at", space.getPath().get(0).getFieldName());
        assertThrows(JsonMappingException.class, () -> rest.readValue("{\"shownDate\":\"2026-01-31\\t\"}", Shown.class));
        assertEquals(new Shown(LocalDate.of(2026, 1, 31), Instant.parse("2026-01-31T00:00:00Z")),
                assertDoesNotThrow("{\"shownDate\":\"2026-01-31\",\"at\":\"2026-01-31T00:00:00Z\"}", Shown.class));
    }

    @Test
    void aBooleanParameterIsTrueOrFalseAndNothingElse() throws Exception {
        Annotation[] dryRun = getClass().getDeclaredMethod("sweep", boolean.class).getParameterAnnotations()[0];
        ParamConverter<Boolean> converter = new StrictBooleans().getConverter(boolean.class, boolean.class, dryRun);
        assertEquals(true, converter.fromString("true"));
        assertEquals(false, converter.fromString("false"));
        for (String bad : new String[] { "yes", "maybe", "1", "TRUE", "", " true", "false\u0000" }) {
            BadParameter refused = assertThrows(BadParameter.class, () -> converter.fromString(bad));
            assertEquals("dryRun", refused.problem().errors().get(0).field());
        }
        assertEquals(null, new StrictBooleans().getConverter(String.class, String.class, dryRun));
    }

    @SuppressWarnings("unused")
    private void sweep(@QueryParam("dryRun") boolean dryRun) {
    }

    private <T> T assertDoesNotThrow(String json, Class<T> type) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> rest.readValue(json, type));
    }
}
