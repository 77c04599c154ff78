package eu.privacysuite.consent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/** The banner stays small: script, styles and both languages in one file, at most 15 kB gzipped (issue 6). */
class BannerSizeTest {

    @Test
    void bannerWithItsStylesAndBothLanguagesIsAtMost15KilobytesGzipped() throws IOException {
        byte[] script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("banner/banner.js")) {
            script = in.readAllBytes();
        }
        String text = new String(script, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("Tout refuser") && text.contains("Refuse all") && text.contains("CSS"),
                "the measured file holds both languages and the styles");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(script);
        }
        System.out.printf("banner.js: %d bytes, %d bytes gzipped%n", script.length, zipped.size());
        assertTrue(zipped.size() <= 15 * 1024, "banner.js is " + zipped.size() + " bytes gzipped");
    }
}
