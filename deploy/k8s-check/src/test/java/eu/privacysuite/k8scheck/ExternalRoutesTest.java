package eu.privacysuite.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * Systems outside the suite reach the two prefixes they post signed messages to, and nothing else: the Ingress
 * privacy-external routes dsr-service's /api/external/callbacks/ and retention-service's /api/retention/external/,
 * over TLS; both services' policies let the ingress controller in and let them out to the external systems on 443;
 * and the bases the services tell those systems (callback-base, report-base) name the Ingress's host.
 */
class ExternalRoutesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void outsideSystemsReachOnlyTheSignedPrefixesOfDsrAndRetention(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        Ingress ingress = m.find(Ingress.class, NetworkChecks.EXTERNAL_INGRESS)
                .orElseThrow(() -> new AssertionError(overlay + ": no Ingress " + NetworkChecks.EXTERNAL_INGRESS));
        assertEquals(1, ingress.getSpec().getRules().size(), overlay + ": one host");
        String host = ingress.getSpec().getRules().get(0).getHost();
        assertTrue(ingress.getSpec().getTls().stream().anyMatch(t -> t.getHosts().contains(host)
                && "privacy-public-tls".equals(t.getSecretName())), overlay + ": the external host is served over TLS");
        Map<String, String> routes = new TreeMap<>();
        ingress.getSpec().getRules().get(0).getHttp().getPaths().forEach(p -> {
            assertEquals("Prefix", p.getPathType(), overlay + ": " + p.getPath());
            assertEquals("http", p.getBackend().getService().getPort().getName(), overlay + ": " + p.getPath());
            routes.put(p.getBackend().getService().getName(), p.getPath());
        });
        assertEquals(new TreeMap<>(NetworkChecks.EXTERNAL_ROUTES), routes, overlay + ": the external routes");
        assertEquals(2, ingress.getSpec().getRules().get(0).getHttp().getPaths().size(), overlay + ": two paths only");

        for (String service : NetworkChecks.EXTERNAL_ROUTES.keySet()) {
            NetworkPolicy policy = m.find(NetworkPolicy.class, service).orElseThrow();
            assertTrue(policy.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom().stream().anyMatch(peer ->
                    peer.getNamespaceSelector() != null && "ingress-nginx".equals(peer.getNamespaceSelector()
                            .getMatchLabels().get("kubernetes.io/metadata.name")))
                    && rule.getPorts().stream().anyMatch(p -> "http".equals(p.getPort().getStrVal()))),
                    overlay + ": NetworkPolicy/" + service + " lets the ingress controller reach its http port");
            assertTrue(policy.getSpec().getEgress().stream().anyMatch(rule -> rule.getTo().stream()
                    .anyMatch(peer -> peer.getIpBlock() != null && !peer.getIpBlock().getCidr().startsWith("0.0.0.0/"))
                    && rule.getPorts().stream().allMatch(p -> Integer.valueOf(443).equals(p.getPort().getIntVal()))),
                    overlay + ": NetworkPolicy/" + service + " lets it post to the external systems on 443 only");
        }

        assertEquals(host, URI.create(generated(m, "dsr-external-participants").get("dsr.external.callback-base"))
                .getHost(), overlay + ": callbacks go to the external host");
        assertEquals(host, URI.create(generated(m, "retention-external-systems")
                .get("privacy.retention.external.report-base")).getHost(), overlay + ": reports go to the external host");
    }

    /** The data of a ConfigMap the base generates (its name gets kustomize's hash suffix). */
    private static Map<String, String> generated(Manifests m, String name) {
        return m.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().matches(name + "(-[a-z0-9]+)?"))
                .findFirst().orElseThrow(() -> new AssertionError(m.overlay + ": no ConfigMap " + name)).getData();
    }
}
