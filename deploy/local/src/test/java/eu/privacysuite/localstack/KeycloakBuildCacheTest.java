package eu.privacysuite.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak's build is kept once per machine after a start that reached ready, and a fresh unpack gets it: a whole
 * build only (a folder without the marker, as a run stopped half-way leaves, is never copied), and the first build
 * kept is never overwritten.
 */
class KeycloakBuildCacheTest {

    @TempDir
    Path dir;

    @Test
    void aKeptBuildIsCopiedIntoAFreshUnpack() throws IOException {
        Path cache = dir.resolve("cache");
        Path first = distribution("first", "augmented-1");
        KeycloakServer.keepBuild(first, cache);
        Path kept = cache.resolve("keycloak-26.7.3");
        assertTrue(Files.exists(kept.resolve(KeycloakServer.BUILD_MARKER)), "the build is kept whole");

        Path fresh = dir.resolve("fresh/keycloak-26.7.3");
        Files.createDirectories(fresh.resolve("lib/quarkus"));
        KeycloakServer.copyBuild(kept, fresh);
        assertEquals("augmented-1", Files.readString(fresh.resolve("lib/quarkus/generated-bytecode.jar")));
        assertFalse(Files.exists(fresh.resolve("lib/quarkus/" + KeycloakServer.BUILD_MARKER)), "the marker stays in the cache");

        // A second run keeping its own build changes nothing: the first kept build stays.
        KeycloakServer.keepBuild(distribution("second", "augmented-2"), cache);
        assertEquals("augmented-1", Files.readString(kept.resolve("generated-bytecode.jar")));
        try (var entries = Files.list(cache)) {
            assertEquals(1, entries.count(), "no temporary folder left beside the kept build");
        }
    }

    @Test
    void aPartialBuildIsNeverCopied() throws IOException {
        Path partial = dir.resolve("cache/keycloak-26.7.3");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("generated-bytecode.jar"), "half");
        Path fresh = dir.resolve("fresh/keycloak-26.7.3");
        Files.createDirectories(fresh.resolve("lib/quarkus"));
        KeycloakServer.copyBuild(partial, fresh);
        assertFalse(Files.exists(fresh.resolve("lib/quarkus/generated-bytecode.jar")), "Keycloak builds itself instead");
    }

    private Path distribution(String home, String content) throws IOException {
        Path dist = dir.resolve(home).resolve("keycloak-26.7.3");
        Files.createDirectories(dist.resolve("lib/quarkus"));
        Files.writeString(dist.resolve("lib/quarkus/generated-bytecode.jar"), content);
        Files.writeString(dist.resolve("lib/quarkus/quarkus-application.dat"), content);
        return dist;
    }
}
