package eu.privacysuite.consent;

import static eu.privacysuite.consent.ConsentApi.publish;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The banner stays small as served: script, styles and both languages in one file, at most 15 kB (issue 6), and
 * it does not grow with publications (issue 14). Measured after many publications of the longest version names.
 */
@QuarkusTest
class BannerSizeTest {

    private static final int BUDGET = 15 * 1024;

    @Test
    void theServedBannerIsAtMost15KilobytesAndDoesNotGrowWithPublications() throws IOException {
        publish("blog", version(), "[\"AUDIENCE_MEASUREMENT\"]");
        byte[] afterOne = served();
        for (int i = 0; i < 60; i++) { // five years of monthly publications
            publish("blog", version(), i % 2 == 0 ? "[\"AUDIENCE_MEASUREMENT\",\"SOCIAL_SHARING\"]" : "[]");
        }
        byte[] afterMany = served();
        String text = new String(afterMany, StandardCharsets.UTF_8);
        assertTrue(text.contains("Tout refuser") && text.contains("Refuse all") && text.contains("CSS"),
                "the measured script holds both languages and the styles");
        assertEquals(afterOne.length, afterMany.length, "the script carries the version in force only");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(afterMany);
        }
        System.out.printf("banner.js as served: %d bytes, %d bytes gzipped%n", afterMany.length, zipped.size());
        assertTrue(afterMany.length <= BUDGET, "banner.js is " + afterMany.length + " bytes as served");
    }

    private static byte[] served() {
        return given().get("/banner.js").then().statusCode(200).extract().asByteArray();
    }

    /** The longest version name a publication may have (32 characters). */
    private static String version() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
