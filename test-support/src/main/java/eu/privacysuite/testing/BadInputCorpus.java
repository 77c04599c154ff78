package eu.privacysuite.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Bad inputs a stranger may send, derived from a request that succeeds: control characters in every text field,
 * map key and query parameter; wrong JSON types; malformed JSON; bodies, URIs and headers over the limits; wrong
 * methods, media types and paths. Every answer must be a 4xx application/problem+json whose body holds nothing of
 * the input: each spoiled value carries {@link #MARK}, which the answer must not contain (nor may the database).
 */
public final class BadInputCorpus {

    /** Carried by every spoiled value; an answer or a stored row that holds it echoed or kept the input. */
    public static final String MARK = "Zq7Mark";
    private static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u0007", "\u001b[31m", "\u007f", "\u0085",
            "\u2028", "\ud800");
    private static final List<String> LINE_BREAKS = List.of("\n", "\r", "\t");
    private static final String PLACEHOLDER = "__spoiled__";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final long maxBody;
    private final List<String> failures = new ArrayList<>();
    private int sent;

    /** {@code maxBody}: the service's {@code quarkus.http.limits.max-body-size} in bytes. */
    public BadInputCorpus(URI base, long maxBody) {
        this.base = base;
        this.maxBody = maxBody;
    }

    /** Sends every bad input derived from each endpoint; fails listing every answer that broke the rule. */
    public int sendAll(List<BadInput> endpoints) {
        for (BadInput endpoint : endpoints) {
            spoilBody(endpoint);
            spoilQuery(endpoint);
            spoilPath(endpoint);
            overLimits(endpoint);
            wrongProtocol(endpoint);
            repeatedOrCoerced(endpoint);
        }
        send("unknown path", () -> HttpRequest.newBuilder(base.resolve("/api/" + MARK)).GET(), null);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + sent + " bad inputs were not refused cleanly:\n"
                    + String.join("\n", failures));
        }
        return sent;
    }

    private void spoilBody(BadInput e) {
        if (e.body() == null) {
            return;
        }
        JsonNode valid = read(e.body());
        for (String field : leaves(valid, "", e.mapFields())) {
            boolean multiline = e.multilineFields().contains(field);
            // A text field is named in the answer; any other field gets text, which is simply the wrong type.
            String named = valid.at("/" + field.replace('.', '/')).isTextual() ? field : null;
            for (String c : CONTROL) {
                sendBody(e, "control character " + escape(c) + " in " + field, replace(valid, field, quote(MARK + c)), named);
            }
            sendBody(e, "only a NUL in " + field, replace(valid, field, quote("\u0000")), named);
            if (!multiline) {
                for (String c : LINE_BREAKS) {
                    sendBody(e, "line break " + escape(c) + " in " + field, replace(valid, field, quote(MARK + c)), named);
                }
            }
            for (String wrong : List.of("{\"" + MARK + "\":1}", "[\"" + MARK + "\"]", "7357", "true", "1e999999")) {
                sendBody(e, "wrong type " + wrong + " for " + field, replace(valid, field, wrong), null);
            }
        }
        for (String map : e.mapFields()) {
            for (String c : CONTROL) {
                JsonNode spoiled = valid.deepCopy();
                ((ObjectNode) spoiled.at("/" + map.replace('.', '/'))).put(PLACEHOLDER, true);
                String body = spoiled.toString().replace("\"" + PLACEHOLDER + "\"", quote(MARK + c));
                sendBody(e, "control character " + escape(c) + " in a key of " + map, body, map);
            }
        }
        List<String> malformed = List.of("{", "{\"" + MARK + "\":", "[\"" + MARK + "\"]", "\"" + MARK + "\"", "null",
                "{}", "[" .repeat(5000) + "]".repeat(5000), "{\"" + MARK + "\":\"\\uZZZZ\"}");
        for (String body : malformed) {
            sendBody(e, "malformed JSON " + abbreviate(body), body, null);
        }
        send("bytes that are not UTF-8", () -> request(e, e.path(), e.query(), BodyPublishers.ofByteArray(
                new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' }), "application/json"), null);
    }

    private void spoilQuery(BadInput e) {
        for (String name : e.query().keySet()) {
            for (String bad : List.of(MARK, MARK + "\u0000", "-1", "99999999999999999999", MARK + "\u001b")) {
                Map<String, String> q = new java.util.LinkedHashMap<>(e.query());
                q.put(name, bad);
                send("query " + name + "=" + escape(bad), () -> request(e, e.path(), q, null, null), null);
            }
            String others = e.query().entrySet().stream().filter(q -> !q.getKey().equals(name))
                    .map(q -> "&" + q.getKey() + "=" + encode(q.getValue())).collect(Collectors.joining());
            sendRaw("query " + name + " with a broken escape", e, e.path() + "?" + name + "=%zz" + MARK + others);
        }
    }

    /** The last segment of the path, when the endpoint takes it as a parameter. */
    private void spoilPath(BadInput e) {
        if (!e.idInPath()) {
            return;
        }
        String prefix = e.path().substring(0, e.path().lastIndexOf('/') + 1);
        for (String bad : List.of(MARK, MARK + "%00", MARK + "%1B", MARK + "%2F..%2F..")) {
            send("path parameter " + bad, () -> e.withHeaders(HttpRequest.newBuilder(URI.create(base.resolve(prefix) + bad)))
                    .method(e.method(), BodyPublishers.noBody()), null);
        }
        sendRaw("path parameter with a broken escape", e, prefix + "%zz" + MARK);
    }

    private void overLimits(BadInput e) {
        String longQuery = "pad=" + MARK + "a".repeat(3000);
        send("URI of 3 KB", () -> rawQueryString(e, longQuery), null);
        send("URI of 60 KB", () -> rawQueryString(e, "pad=" + MARK + "a".repeat(60_000)), null);
        send("header of 20 KB", () -> request(e, e.path(), e.query(), null, null).header("X-Pad", MARK + "a".repeat(20_000)), null);
        if (e.body() != null) {
            String big = "{\"" + MARK + "\":\"" + "a".repeat((int) maxBody) + "\"}";
            send("body over the limit", () -> request(e, e.path(), e.query(), BodyPublishers.ofString(big), "application/json"), null);
            send("chunked body over the limit", () -> request(e, e.path(), e.query(), BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))), "application/json"), null);
        }
    }

    private void wrongProtocol(BadInput e) {
        String other = e.method().equals("DELETE") ? "PATCH" : "DELETE";
        send("method " + other, () -> e.withHeaders(HttpRequest.newBuilder(uri(e.path(), e.query()))
                .method(other, BodyPublishers.noBody())), null);
        if (e.body() != null) {
            send("text/plain body", () -> request(e, e.path(), e.query(), BodyPublishers.ofString(e.body()), "text/plain"), null);
            send("XML body", () -> request(e, e.path(), e.query(), BodyPublishers.ofString("<" + MARK + "/>"), "application/xml"), null);
        }
        if (e.body() != null) {
            send("an empty chunked body", () -> request(e, e.path(), e.query(), BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(new byte[0])), "application/json"), null);
        }
        sendRaw("a transfer coding other than chunked", e, pathAndQuery(e), "Transfer-Encoding: gzip\r\n");
        send("a Content-Type that is not a media type", () -> request(e, e.path(), e.query(), e.body() == null ? null
                : BodyPublishers.ofString(e.body()), MARK), null);
        send("accepts only text/html", () -> request(e, e.path(), e.query(), e.body() == null ? null
                : BodyPublishers.ofString(e.body()), e.body() == null ? null : "application/json").header("Accept", "text/html"), null);
    }

    /** For what java.net.URI refuses to build: written on a socket as HTTP/1.1, the answer read back. */
    private void sendRaw(String what, BadInput e, String target) {
        sendRaw(what, e, target, "Content-Length: 0\r\n");
    }

    /** For what java.net.http refuses to send: {@code framing} (header lines) says how long the body is. */
    private void sendRaw(String what, BadInput e, String target, String framing) {
        sent++;
        String label = e.method() + " " + abbreviate(target) + ": " + what;
        StringBuilder head = new StringBuilder(e.method() + " " + target + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nConnection: close\r\n" + framing);
        e.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            int split = raw.indexOf("\r\n\r\n");
            String type = raw.substring(0, split).lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            String body = raw.substring(split + 4);
            check(label, status, type, body, null);
        } catch (IOException | RuntimeException ex) {
            failures.add(label + " -> no readable answer (" + ex + ")");
        }
    }

    private void sendBody(BadInput e, String what, String body, String field) {
        send(what, () -> request(e, e.path(), e.query(), BodyPublishers.ofString(body), "application/json"), field);
    }

    private void send(String what, Supplier<HttpRequest.Builder> request, String field) {
        sent++;
        // Each bad input from a client of its own (documentation range), so a per-client rate limit never answers
        // in the door's place; a service that does not trust forwarded addresses ignores the header.
        HttpRequest built = request.get().header("X-Forwarded-For", "2001:db8::" + Integer.toHexString(sent))
                .timeout(Duration.ofSeconds(30)).build();
        String label = built.method() + " " + abbreviate(built.uri().getRawPath()) + ": " + what;
        try {
            HttpResponse<String> answer = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            check(label, answer, field);
        } catch (IOException ex) {
            failures.add(label + " -> no answer (" + ex + ")");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private void check(String label, HttpResponse<String> answer, String field) {
        check(label, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body(), field);
    }

    private void check(String label, int status, String type, String body, String field) {
        String problem = null;
        if (status < 400 || status > 499) {
            problem = "status " + status;
        } else if (!type.startsWith("application/problem+json")) {
            problem = "content type '" + type + "'";
        } else if (body.toLowerCase(Locale.ROOT).contains(MARK.toLowerCase(Locale.ROOT))) {
            problem = "the answer echoes the input";
        } else {
            JsonNode json = read(body);
            if (json.path("status").asInt() != status) {
                problem = "problem status " + json.path("status") + " differs from " + status;
            } else if (field != null && (status != 400 || !fields(json).contains(field))) {
                problem = "does not name the field " + field + " with a 400";
            }
        }
        if (problem != null) {
            failures.add(label + " -> " + problem + " (status " + status + "): " + abbreviate(body));
        }
    }

    private static List<String> fields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.path("errors").forEach(err -> names.add(err.path("field").asText()));
        return names;
    }

    private HttpRequest.Builder request(BadInput e, String path, Map<String, String> query, BodyPublisher body, String type) {
        HttpRequest.Builder builder = e.withHeaders(HttpRequest.newBuilder(uri(path, query)));
        if (type != null) {
            builder.header("Content-Type", type);
        }
        return builder.method(e.method(), body == null ? BodyPublishers.noBody() : body);
    }

    private HttpRequest.Builder rawQueryString(BadInput e, String rawQuery) {
        return e.withHeaders(HttpRequest.newBuilder(URI.create(base.resolve(e.path()) + "?" + rawQuery)))
                .method(e.method(), e.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(e.body()))
                .header("Content-Type", "application/json");
    }

    private String pathAndQuery(BadInput e) {
        URI uri = uri(e.path(), e.query());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private URI uri(String path, Map<String, String> query) {
        String q = query.entrySet().stream().map(p -> p.getKey() + "=" + encode(p.getValue())).collect(Collectors.joining("&"));
        return URI.create(base.resolve(path) + (q.isEmpty() ? "" : "?" + q));
    }

    /** Dotted paths of every scalar or array field of a JSON object, nested objects included. */
    private static List<String> leaves(JsonNode node, String prefix, java.util.Set<String> maps) {
        List<String> paths = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            paths.add(path);
            if (field.getValue().isObject() && !maps.contains(path)) {
                paths.addAll(leaves(field.getValue(), path, maps));
            }
        }
        return paths;
    }

    /** The valid body with one field's value replaced by raw JSON text. */
    private static String replace(JsonNode valid, String dotted, String rawJson) {
        JsonNode copy = valid.deepCopy();
        int dot = dotted.lastIndexOf('.');
        ObjectNode parent = (ObjectNode) (dot < 0 ? copy : copy.at("/" + dotted.substring(0, dot).replace('.', '/')));
        parent.put(dotted.substring(dot + 1), PLACEHOLDER);
        return copy.toString().replace("\"" + PLACEHOLDER + "\"", rawJson);
    }

    /** A JSON string whose every character outside printable ASCII is a \\u escape, lone surrogates included. */
    private static String quote(String text) {
        return "\"" + text.chars().mapToObj(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\'
                ? String.format("\\u%04x", c) : String.valueOf((char) c)).collect(Collectors.joining()) + "\"";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return TextNode.valueOf(json);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.chars().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

    private static String abbreviate(String s) {
        String e = escape(s);
        return e.length() > 120 ? e.substring(0, 120) + "..." : e;
    }

    /** A key given twice (a one-field body too), and a fraction where the body holds a whole number. */
    private void repeatedOrCoerced(BadInput e) {
        if (e.body() == null || !read(e.body()).isObject()) {
            return;
        }
        JsonNode valid = read(e.body());
        for (Iterator<String> names = valid.fieldNames(); names.hasNext();) {
            String name = names.next();
            String again = valid.get(name).isTextual() ? quote(MARK) : valid.get(name).toString();
            sendBody(e, "key " + name + " given twice", "{" + quote(name) + ":" + again + "," + valid.toString().substring(1),
                    null);
        }
        for (String field : leaves(valid, "", e.mapFields())) {
            if (valid.at("/" + field.replace('.', '/')).isIntegralNumber()) {
                sendBody(e, "fraction 1.5 for whole number " + field, replace(valid, field, "1.5"), field);
            }
        }
    }
}
