package eu.privacysuite.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

    @TempDir
    Path dir;

    @Test
    void readsTheMajorVersionFromAJdksReleaseFile() throws IOException {
        assertEquals(Optional.of(25), Jdks.major(jdk("temurin", "25.0.3")));
        assertEquals(Optional.of(21), Jdks.major(jdk("21", "21")));
        assertEquals(Optional.of(8), Jdks.major(jdk("old", "1.8.0_392")));
        assertEquals(Optional.empty(), Jdks.major(dir.resolve("no-jdk-here")));
        assertEquals(Optional.empty(), Jdks.major(jdk("odd", "next")));
    }

    @Test
    void saysWhatIsMissingWhenNoJdkIsNewEnough() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Jdks.javaOfAtLeast(999));
        assertTrue(e.getMessage().contains("no Java 999 or newer") && e.getMessage().contains("JAVA25_HOME"), e.getMessage());
    }

    @Test
    void findsAJavaOfTheVersionRunningTheTests() {
        int running = Runtime.version().feature();
        assertTrue(Files.isExecutable(Jdks.javaOfAtLeast(running)));
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
