package eu.privacysuite.k8scheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The overlays of deploy/k8s, rendered once per test run. */
final class Overlays {

    static final List<String> NAMES = List.of("dev", "prod");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final Path COPY = Repo.copyOfK8s();

    private Overlays() {
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> render(COPY, o));
    }

    static Manifests render(Path k8s, String overlay) {
        return Manifests.parse("overlays/" + overlay, Kustomize.render(k8s.resolve("overlays").resolve(overlay)));
    }

    /** Every problem the checks find in one rendering. */
    static List<String> problems(Manifests m, boolean production) {
        return java.util.stream.Stream.of(m.parseProblems, References.check(m), WorkloadChecks.check(m),
                NetworkChecks.check(m), BusChecks.topics(m, production), BusChecks.listeners(m), BusChecks.users(m))
                .flatMap(List::stream).toList();
    }
}
