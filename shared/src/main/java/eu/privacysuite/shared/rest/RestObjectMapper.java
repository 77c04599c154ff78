package eu.privacysuite.shared.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The ObjectMapper of the HTTP door only: the application's mapper plus {@link PlainTextModule}. Kafka events keep
 * the plain mapper, so a free-text reason from another system is never refused as a bad message for a line break.
 */
@Provider
@Singleton
public class RestObjectMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    public RestObjectMapper(ObjectMapper application) {
        this.mapper = application.copy().registerModule(new PlainTextModule())
                // A type is a type: 12 is not the name "12", "true" is not true, 1 is not the second enum constant.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // 1.5 months is not 1 month.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // {"email":"a","email":"b"} is refused by the parser: otherwise one of the two is silently dropped, or, for a
        // one-field record, Jackson builds the record at the first key and has no setter for the second (a 500).
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // "" (or a NUL, which the parser's trim makes "") is not an absent UUID, enum or number: it is the wrong type.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // A number is not a boolean, and "2" (or 2.0) is not a number: only a JSON number of the right kind is.
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
