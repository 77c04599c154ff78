package eu.privacysuite.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders an overlay the way ops do, with {@code kubectl kustomize}. */
final class Kustomize {

    private Kustomize() {
    }

    static String render(Path overlay) {
        Path kubectl = kubectl();
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(List.of(kubectl.toString(), "kustomize", overlay.toString()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + overlay + " did not finish within 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed:\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kubectl from PATH (or /usr/bin): the manifests cannot be checked without it, so its absence fails the build. */
    private static Path kubectl() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin";
        return Stream.of(path.split(":")).filter(d -> !d.isBlank()).map(d -> Path.of(d, "kubectl"))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("kubectl is not installed: the Kubernetes manifests are rendered"
                        + " with `kubectl kustomize` (Debian package kubectl; .ci/run installs it)"));
    }
}
