package eu.privacysuite.shared.rest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import eu.privacysuite.shared.problem.ControlCharacterException;

/**
 * Applies {@link PlainText} to every string a JSON request body holds, values and map keys alike, so that every
 * endpoint gets the rule without an annotation to forget. A field marked {@link MultilineText} may break lines.
 */
public class PlainTextModule extends SimpleModule {

    public PlainTextModule() {
        super("privacy-plain-text");
        addDeserializer(String.class, new Text(false));
        addKeyDeserializer(String.class, new Key());
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
