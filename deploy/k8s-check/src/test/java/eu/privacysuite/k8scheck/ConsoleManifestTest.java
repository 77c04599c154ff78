package eu.privacysuite.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * The privacy office's console (module console) in every overlay: its Deployment gets every variable its
 * application.properties reads, the ports and probes it listens on, the image the build makes and the suite's
 * security context; its Service and Ingress reach its HTTP port only; and each service's network policy lets the
 * console's pods in, since the console calls them with the user's token.
 */
class ConsoleManifestTest {

    private static final List<String> SERVICES = List.of("consent-service", "contact-service", "dsr-service", "retention-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theConsoleGetsItsConfigurationPortsProbesImageAndSecurityContext(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        SuiteService console = new SuiteService("console", Repo.ROOT.resolve("console"), properties());
        Deployment deployment = m.find(Deployment.class, "console").orElseThrow(() -> new AssertionError(overlay + ": no Deployment console"));
        Container container = Pods.container(deployment);
        List<String> problems = new ArrayList<>();
        Set<String> provided = Pods.configNames(deployment, m);
        for (String name : console.environmentVariables()) {
            if (!provided.contains(name)) {
                problems.add("env lacks " + name + ", which console/application.properties reads");
            }
        }
        if (container.getPorts().stream().noneMatch(p -> "http".equals(p.getName()) && p.getContainerPort() == console.httpPort())
                || container.getPorts().stream().noneMatch(p -> "management".equals(p.getName())
                        && p.getContainerPort() == console.managementPort())) {
            problems.add("containers[0].ports are not http:" + console.httpPort() + " and management:" + console.managementPort());
        }
        probe(container.getStartupProbe(), "/q/health/started", problems);
        probe(container.getReadinessProbe(), "/q/health/ready", problems);
        probe(container.getLivenessProbe(), "/q/health/live", problems);
        String image = console.prod("quarkus.container-image.registry") + "/" + console.prod("quarkus.container-image.group")
                + "/console:" + System.getProperty("project.version");
        if (!image.equals(container.getImage())) {
            problems.add("image is " + container.getImage() + ", but the build makes " + image);
        }
        var pod = Pods.pod(deployment).getSecurityContext();
        if (pod == null || !Boolean.TRUE.equals(pod.getRunAsNonRoot())
                || !String.valueOf(pod.getRunAsUser()).equals(console.prod("quarkus.jib.user"))) {
            problems.add("the pod does not run as the image's non-root user");
        }
        var c = container.getSecurityContext();
        if (c == null || !Boolean.TRUE.equals(c.getReadOnlyRootFilesystem()) || !Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())) {
            problems.add("the container is not read-only without privilege escalation");
        }
        if (!"true".equals(Pods.env(container, "CONSOLE_SECURE_COOKIES").orElseGet(() -> configMapValue(m, "CONSOLE_SECURE_COOKIES")))) {
            problems.add("CONSOLE_SECURE_COOKIES is not true: the session cookie must be Secure");
        }
        assertEquals(List.of(), problems, overlay + ": Deployment/console");

        Service service = m.find(Service.class, "console").orElseThrow(() -> new AssertionError(overlay + ": no Service console"));
        assertTrue(service.getSpec().getPorts().stream().allMatch(p -> "http".equals(p.getName()) && p.getPort() == console.httpPort()),
                overlay + ": Service/console exposes only http:" + console.httpPort());
        Ingress ingress = m.find(Ingress.class, "privacy-console").orElseThrow(() -> new AssertionError(overlay + ": no Ingress privacy-console"));
        assertTrue(ingress.getSpec().getTls() != null && !ingress.getSpec().getTls().isEmpty(), overlay + ": the console's Ingress is TLS");
        assertTrue(ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
                .allMatch(p -> "console".equals(p.getBackend().getService().getName())
                        && "http".equals(p.getBackend().getService().getPort().getName())),
                overlay + ": the console's Ingress reaches the console's http port only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceLetsTheConsoleCallItsApi(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        for (String name : SERVICES) {
            NetworkPolicy policy = m.find(NetworkPolicy.class, name).orElseThrow(() -> new AssertionError(overlay + ": no NetworkPolicy " + name));
            boolean console = policy.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom().stream()
                    .anyMatch(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                            && "console".equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")))
                    && rule.getPorts().stream().anyMatch(p -> "http".equals(p.getPort().getStrVal())));
            assertTrue(console, overlay + ": NetworkPolicy/" + name + " does not let the console's pods reach its http port");
        }
        assertTrue(m.find(NetworkPolicy.class, "console").isPresent(), overlay + ": no NetworkPolicy console");
    }

    private static String configMapValue(Manifests m, String key) {
        return References.configMap(m, "privacy-console-config").map(cm -> cm.getData().get(key)).orElse(null);
    }

    private static void probe(Probe probe, String path, List<String> problems) {
        if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())
                || !"management".equals(probe.getHttpGet().getPort().getStrVal())) {
            problems.add("a probe is not GET " + path + " on the management port");
        }
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Repo.ROOT.resolve("console/src/main/resources/application.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
