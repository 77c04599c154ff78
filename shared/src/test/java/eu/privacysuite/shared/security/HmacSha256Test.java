package eu.privacysuite.shared.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class HmacSha256Test {

    @Test
    void givesTheRfc4231Value() {
        HmacSha256 hmac = new HmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII));

        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(hmac.of("what do ya want for nothing?")));
        // the kept Mac is ready again after each value: the same input gives the same output
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(hmac.of("what do ya want for nothing?")));
    }

    @Test
    void threadsSharingOneKeyEachGetTheirOwnValues() throws Exception {
        byte[] key = "a-pepper-of-at-least-16-chars".getBytes(StandardCharsets.UTF_8);
        HmacSha256 hmac = new HmacSha256(key);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    Mac reference = Mac.getInstance("HmacSHA256");
                    reference.init(new SecretKeySpec(key, "HmacSHA256"));
                    for (int i = 0; i < 5_000; i++) {
                        String value = "visitor-" + thread + "-" + i;
                        assertArrayEquals(reference.doFinal(value.getBytes(StandardCharsets.UTF_8)), hmac.of(value));
                    }
                    return 5_000;
                }));
            }
            int checked = 0;
            for (Future<Integer> result : results) {
                checked += result.get();
            }
            assertEquals(40_000, checked);
        } finally {
            pool.shutdownNow();
        }
    }
}
