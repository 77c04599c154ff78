package eu.privacysuite.testing;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint as the bad-input corpus ({@link BadInputCorpus}) sees it: a request that succeeds, from which the
 * corpus derives the bad ones. {@code path} is concrete ("/api/requests/6f1c..."); when its last segment is a path
 * parameter the corpus spoils it too.
 */
public record BadInput(String method, String path, Map<String, String> query, String body, Map<String, String> headers,
        Set<String> multilineFields, Set<String> mapFields, boolean idInPath) {

    public static BadInput get(String path) {
        return new BadInput("GET", path, Map.of(), null, Map.of(), Set.of(), Set.of(), false);
    }

    public static BadInput post(String path, String validBody) {
        return new BadInput("POST", path, Map.of(), validBody, Map.of(), Set.of(), Set.of(), false);
    }

    /** A query parameter with a value it accepts. */
    public BadInput query(String name, String validValue) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(name, validValue);
        return new BadInput(method, path, q, body, headers, multilineFields, mapFields, idInPath);
    }

    public BadInput header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new BadInput(method, path, query, body, h, multilineFields, mapFields, idInPath);
    }

    /** Body fields (dotted paths) that may hold line breaks. */
    public BadInput multiline(String... fields) {
        return new BadInput(method, path, query, body, headers, Set.of(fields), mapFields, idInPath);
    }

    /** Body fields (dotted paths) that are maps, whose keys the client chooses. */
    public BadInput maps(String... fields) {
        return new BadInput(method, path, query, body, headers, multilineFields, Set.of(fields), idInPath);
    }

    /** The last segment of {@code path} is a path parameter (an id the client chooses). */
    public BadInput withPathId() {
        return new BadInput(method, path, query, body, headers, multilineFields, mapFields, true);
    }

    HttpRequest.Builder withHeaders(HttpRequest.Builder builder) {
        headers.forEach(builder::header);
        return builder;
    }
}
