package eu.privacysuite.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What this machine can check of the images, with no registry and no base image in reach: Jib's settings, and the
 * files Jib layers into each image (the fast-jar in target/quarkus-app), with nothing secret among them.
 */
class ImageTest {

    @Test
    void eachServiceNamesItsImageAfterItselfAndBuildsItOnlyWhenAsked() throws IOException {
        for (SuiteService service : SuiteService.all()) {
            assertEquals(service.name(), service.prod("quarkus.container-image.name"), service.name());
            assertFalse(service.prod("quarkus.container-image.registry").isBlank(), service.name());
            assertFalse(service.prod("quarkus.container-image.group").isBlank(), service.name());
            // The project version is the tag (Quarkus' default); the build neither builds nor pushes unless told to.
            assertEquals(null, service.prod("quarkus.container-image.tag"), service.name());
            assertEquals(null, service.prod("quarkus.container-image.build"), service.name());
            assertEquals(null, service.prod("quarkus.container-image.push"), service.name());
            assertTrue(Files.readString(service.module().resolve("pom.xml")).contains("quarkus-container-image-jib"),
                    service.name() + " builds its image with Jib");
        }
    }

    @Test
    void theFilesJibLayersHoldTheApplicationAndNoSecret() throws IOException {
        for (SuiteService service : SuiteService.all()) {
            Path app = service.module().resolve("target/quarkus-app");
            assertTrue(Files.isDirectory(app), app + " is missing: package " + service.name() + " first");
            for (String part : List.of("quarkus-run.jar", "app", "lib/boot", "lib/main", "quarkus/quarkus-application.dat")) {
                assertTrue(Files.exists(app.resolve(part)), service.name() + " image lacks " + part);
            }
            try (Stream<Path> files = Files.walk(app)) {
                List<String> names = files.map(p -> app.relativize(p).toString()).toList();
                assertTrue(names.stream().anyMatch(n -> n.matches("lib/main/eu\\.privacysuite\\.privacy-shared-.*\\.jar")),
                        service.name() + " image lacks the shared module");
                List<String> secret = names.stream().filter(n -> n.matches(".*\\.(pem|key|p12|jks|env)$")).toList();
                assertTrue(secret.isEmpty(), service.name() + " image would hold " + secret);
            }
        }
    }
}
