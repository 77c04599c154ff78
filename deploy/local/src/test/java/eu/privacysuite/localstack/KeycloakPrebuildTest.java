package eu.privacysuite.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack's new copy of Keycloak takes the build made beside the distribution (so that its first start does not build
 * again), only a build made for the options the start passes, and only once: a copy Keycloak has rebuilt since keeps
 * its own build.
 */
class KeycloakPrebuildTest {

    private static final String TOP = "keycloak-0.0.1";

    @TempDir
    Path dir;

    private Path zip;
    private Path prebuilt;

    @BeforeEach
    void aDistributionAndItsBuild() throws IOException {
        zip = dir.resolve("dist/keycloak-quarkus-dist.zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry(TOP + "/"));
            entries.putNextEntry(new ZipEntry(TOP + "/lib/quarkus/quarkus-application.dat"));
            entries.write("as shipped".getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
        }
        prebuilt = dir.resolve("dist").resolve(KeycloakServer.PREBUILT).resolve(TOP);
        Files.createDirectories(prebuilt.resolve("lib/quarkus"));
        Files.writeString(prebuilt.resolve("lib/quarkus/quarkus-application.dat"), "built");
        Files.writeString(prebuilt.resolve("lib/quarkus/generated-bytecode.jar"), "built too");
    }

    @Test
    void aNewCopyTakesTheBuildMadeForTheStartsOptions() throws IOException {
        Files.writeString(prebuilt.resolve(KeycloakServer.BUILT_MARKER), String.join(" ", KeycloakServer.BUILD_OPTIONS));

        Path copy = KeycloakServer.unpack(zip, dir.resolve("stack"));
        KeycloakServer.adoptPrebuild(zip, copy);

        assertEquals("built", Files.readString(copy.resolve("lib/quarkus/quarkus-application.dat")));
        assertEquals("built too", Files.readString(copy.resolve("lib/quarkus/generated-bytecode.jar")));
    }

    @Test
    void aBuildForOtherOptionsOrUnfinishedIsLeftAside() throws IOException {
        Path unfinished = KeycloakServer.unpack(zip, dir.resolve("unfinished"));
        KeycloakServer.adoptPrebuild(zip, unfinished);
        assertEquals("as shipped", Files.readString(unfinished.resolve("lib/quarkus/quarkus-application.dat")));

        Files.writeString(prebuilt.resolve(KeycloakServer.BUILT_MARKER), "--db=postgres");
        Path other = KeycloakServer.unpack(zip, dir.resolve("other"));
        KeycloakServer.adoptPrebuild(zip, other);
        assertEquals("as shipped", Files.readString(other.resolve("lib/quarkus/quarkus-application.dat")));
    }

    @Test
    void aCopyTakesItOnceAndThenKeepsWhatKeycloakRebuilt() throws IOException {
        Files.writeString(prebuilt.resolve(KeycloakServer.BUILT_MARKER), String.join(" ", KeycloakServer.BUILD_OPTIONS));
        Path copy = KeycloakServer.unpack(zip, dir.resolve("stack"));
        KeycloakServer.adoptPrebuild(zip, copy);
        Files.writeString(copy.resolve("lib/quarkus/quarkus-application.dat"), "rebuilt by Keycloak");

        KeycloakServer.adoptPrebuild(zip, KeycloakServer.unpack(zip, dir.resolve("stack")));

        assertEquals("rebuilt by Keycloak", Files.readString(copy.resolve("lib/quarkus/quarkus-application.dat")));
    }
}
