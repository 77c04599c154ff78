package eu.privacysuite.shared.rest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import eu.privacysuite.shared.problem.ControlCharacterException;

/**
 * Applies {@link PlainText} to every string a JSON request body holds, values and map keys alike, so that every
 * endpoint gets the rule without an annotation to forget. A field marked {@link MultilineText} may break lines.
 * A date, time or instant (java.time) is text too, and is taken exactly as sent: Jackson's own readers trim it, so
 * that "2026-01-31\u0000" or " 2026-01-31" would pass for a date.
 */
public class PlainTextModule extends SimpleModule {

    public PlainTextModule() {
        super("privacy-plain-text");
        addDeserializer(String.class, new Text(false));
        addKeyDeserializer(String.class, new Key());
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                boolean time = "java.time".equals(description.getBeanClass().getPackageName());
                return time ? new ExactTime(deserializer) : deserializer;
            }
        });
    }

    /** Refuses a java.time value whose text holds a control character or surrounding space before Jackson trims it. */
    static final class ExactTime extends DelegatingDeserializer {

        ExactTime(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactTime(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (PlainText.breaks(text, false)) {
                    throw new ControlCharacterException(parser);
                }
                if (!text.strip().equals(text)) {
                    throw MismatchedInputException.from(parser, handledType(), "surrounding space in a date or time");
                }
            }
            return super.deserialize(parser, context);
        }
    }

    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiline;

        Text(boolean multiline) {
            super(String.class);
            this.multiline = multiline;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (PlainText.breaks(text, multiline)) {
                throw new ControlCharacterException(parser);
            }
            return text;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean marked = property != null && property.getAnnotation(MultilineText.class) != null;
            return marked == multiline ? this : new Text(marked);
        }
    }

    static final class Key extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (PlainText.breaks(key, false)) {
                throw new ControlCharacterException(context.getParser());
            }
            return key;
        }
    }
}
