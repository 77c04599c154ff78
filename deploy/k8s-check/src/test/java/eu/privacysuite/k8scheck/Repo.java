package eu.privacysuite.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The repository around this module, and throwaway copies of deploy/k8s that a test may change. */
final class Repo {

    static final Path ROOT = findRoot();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    /** The production JVM settings and their kustomization (decision 0034). */
    static final Path JVM = ROOT.resolve("deploy/jvm");

    private Repo() {
    }

    /**
     * A copy of deploy/k8s in a temporary directory, with the dev overlay's gitignored inputs filled from their
     * examples where they are missing (secrets.env), so every overlay renders on any checkout.
     */
    static Path copyOfK8s() {
        try {
            Path target = Files.createTempDirectory("k8s-check").resolve("k8s");
            copy(K8S, target);
            // The base takes ../../jvm (the ConfigMap of deploy/jvm/production.options): beside the copy, as in the repo.
            copy(JVM, target.resolveSibling("jvm"));
            Path dev = target.resolve("overlays/dev");
            if (!Files.exists(dev.resolve("secrets.env"))) {
                Files.copy(dev.resolve("secrets.example.env"), dev.resolve("secrets.env"));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/k8s/base"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/k8s not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
