package eu.privacysuite.consent;

import static eu.privacysuite.consent.ConsentApi.publish;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The banner as a browser gets it (issue 15): gzipped when the browser accepts gzip, kept five minutes, then
 * revalidated with its ETag: 304 without a body while the script is the same, 200 with a new tag once a site
 * publishes a new version. A plain JDK HTTP client, which sends only the headers written here and never unzips.
 */
@QuarkusTest
class BannerCachingTest {

    /** The script with both languages and styles is about 15 kB as text; gzip makes about a third of it. */
    private static final int GZIP_BUDGET = 6 * 1024;

    @TestHTTPResource("/banner.js")
    URL banner;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBrowserThatAcceptsGzipGetsTheSameScriptGzippedInAThirdOfItsSize() throws Exception {
        HttpResponse<byte[]> plain = get("Accept-Encoding", "identity");
        HttpResponse<byte[]> zipped = get("Accept-Encoding", "gzip, deflate, br");

        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(plain.headers().firstValue("Content-Encoding").map("identity"::equals).orElse(true),
                "no encoding for a client that does not ask for one");
        byte[] unzipped = gunzip(zipped.body());
        assertArrayEquals(plain.body(), unzipped, "the same script");
        assertTrue(zipped.body().length <= GZIP_BUDGET,
                "banner.js gzipped is " + zipped.body().length + " bytes (" + plain.body().length + " as text)");
        assertTrue(zipped.body().length * 2 < plain.body().length, "gzip at least halves it");
        assertTrue(zipped.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(zipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")),
                "a shared cache keeps the gzipped and the plain script apart");
    }

    @Test
    void aBrowserKeepsItFiveMinutesThenGets304WhileItIsTheSameAndTheNewScriptOnceAVersionIsPublished()
            throws Exception {
        HttpResponse<byte[]> first = get("Accept-Encoding", "gzip");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age=300"));

        HttpResponse<byte[]> again = get("If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length, "no body with a 304");
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
        assertTrue(again.headers().firstValue("Cache-Control").orElse("").contains("max-age=300"),
                "a 304 renews the five minutes");
        assertEquals(200, get("If-None-Match", "W/\"another-script\"").statusCode(), "another tag: the script");

        publish("blog", UUID.randomUUID().toString().substring(0, 12), "[]");
        HttpResponse<byte[]> afterPublication = get("If-None-Match", etag);
        assertEquals(200, afterPublication.statusCode(), "a new version in force: a new script");
        assertNotEquals(etag, afterPublication.headers().firstValue("ETag").orElse(""));
        assertEquals(304, get("If-None-Match", afterPublication.headers().firstValue("ETag").orElseThrow())
                .statusCode());
    }

    private HttpResponse<byte[]> get(String header, String value) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(banner.toString())).header(header, value).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
