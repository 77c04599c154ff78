package eu.privacysuite.shared.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/**
 * The path of the field a JSON error is about, built from names this service declares only: a map key or an
 * unknown property name is what the client typed, so the path stops before it.
 */
final class JsonFieldPath {

    private JsonFieldPath() {
    }

    /** "subject.email", "visitorIds[2]", "decisions"; empty when the error is about the body as a whole. */
    static String of(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        int end = e instanceof PropertyBindingException ? refs.size() - 1 : refs.size();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < end; i++) {
            JsonMappingException.Reference ref = refs.get(i);
            if (ref.getFrom() instanceof Map) {
                break;
            }
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
