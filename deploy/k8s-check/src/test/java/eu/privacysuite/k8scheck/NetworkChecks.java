package eu.privacysuite.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;

/**
 * Who reaches what. NetworkPolicy is L3/L4, so which paths are public is the Ingress's part: consent- and
 * contact-service have routes under /api, and the Ingress privacy-external routes exactly dsr-service's
 * /api/external/callbacks/ and retention-service's /api/retention/external/, for systems outside the suite. The
 * policies: each service's port only from the admin namespace (and the ingress controller for those four), its
 * management port only from monitoring, its egress only to DNS, the brokers, its own database and the identity
 * provider's pods, and for dsr- and retention-service the external systems' addresses on 443; each database only
 * from its own service.
 */
final class NetworkChecks {

    static final Set<String> PUBLIC = Set.of("consent-service", "contact-service");
    /** The Ingress for systems outside the suite, and the one prefix it routes to each service it reaches. */
    static final String EXTERNAL_INGRESS = "privacy-external";
    static final Map<String, String> EXTERNAL_ROUTES = Map.of("dsr-service", "/api/external/callbacks/",
            "retention-service", "/api/retention/external/");
    /** The external systems' addresses (a documentation placeholder an overlay replaces), on HTTPS only. */
    static final String EXTERNAL_SYSTEMS = "ip:203.0.113.0/24:443/TCP";
    /** Where the services fetch the identity provider's keys: the Keycloak operator's pods (docs/operations.md). */
    static final String IDENTITY_PROVIDER = "ns:keycloak/app=keycloak:8443/TCP";

    private NetworkChecks() {
    }

    static List<String> check(Manifests m) {
        List<String> problems = new ArrayList<>();
        String admin = m.find(ConfigMap.class, "privacy-suite-network").map(c -> c.getData().get("admin-namespace"))
                .orElse(null);
        if (admin == null) {
            problems.add(m.overlay + ": ConfigMap privacy-suite-network lacks admin-namespace");
        }
        for (SuiteService service : SuiteService.all()) {
            var policy = m.find(NetworkPolicy.class, service.name());
            if (policy.isEmpty()) {
                problems.add(m.overlay + ": no NetworkPolicy " + service.name());
                continue;
            }
            // The console calls every service's API with the signed-in user's token (docs/console.md).
            Set<String> allowed = new TreeSet<>(Set.of("http<-ns:" + admin, "management<-ns:monitoring",
                    "http<-pods:app.kubernetes.io/name=console"));
            if (PUBLIC.contains(service.name()) || EXTERNAL_ROUTES.containsKey(service.name())) {
                allowed.add("http<-ns:ingress-nginx");
            }
            Set<String> ingress = new TreeSet<>();
            policy.get().getSpec().getIngress().forEach(rule -> rule.getPorts().forEach(port -> {
                Pods.nullSafe(rule.getFrom()).forEach(peer -> ingress.add(port.getPort().getStrVal() + "<-" + peer(peer)));
                if (Pods.nullSafe(rule.getFrom()).isEmpty()) {
                    ingress.add(port.getPort().getStrVal() + "<-anyone");
                }
            }));
            if (!allowed.equals(ingress)) {
                problems.add(m.where(policy.get()) + ": spec.ingress lets in " + ingress + ", expected " + allowed);
            }
            Set<String> egress = new TreeSet<>();
            policy.get().getSpec().getEgress().forEach(rule -> Pods.nullSafe(rule.getTo()).forEach(peer ->
                    egress.add(peer(peer) + ":" + ports(rule.getPorts()))));
            Set<String> expected = new TreeSet<>(Set.of("ns:kube-system/k8s-app=kube-dns:53/TCP,53/UDP",
                    "pods:cnpg.io/cluster=" + service.database() + ":5432/TCP", IDENTITY_PROVIDER));
            if (EXTERNAL_ROUTES.containsKey(service.name())) {
                expected.add(EXTERNAL_SYSTEMS);
            }
            for (Kafka kafka : m.all(Kafka.class)) {
                String listenerPorts = kafka.getSpec().getKafka().getListeners().stream()
                        .map(l -> l.getPort() + "/TCP").sorted().reduce((a, b) -> a + "," + b).orElse("");
                expected.add("pods:strimzi.io/broker-role=true,strimzi.io/cluster=" + kafka.getMetadata().getName()
                        + ":" + listenerPorts);
            }
            if (!policy.get().getSpec().getPolicyTypes().contains("Egress") || !expected.equals(egress)) {
                problems.add(m.where(policy.get()) + ": spec.egress allows " + egress + ", expected " + expected);
            }
            var database = m.find(NetworkPolicy.class, service.database());
            Set<String> dbFrom = new TreeSet<>();
            database.ifPresent(p -> p.getSpec().getIngress().forEach(r -> Pods.nullSafe(r.getFrom())
                    .forEach(peer -> dbFrom.add(peer(peer)))));
            if (!dbFrom.equals(Set.of("pods:app.kubernetes.io/name=" + service.name(),
                    "pods:cnpg.io/cluster=" + service.database()))) {
                problems.add(m.overlay + ": NetworkPolicy/" + service.database() + ": spec.ingress lets in " + dbFrom
                        + ", not only " + service.name() + " and the database's own instances");
            }
        }
        for (Ingress ingress : m.all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                String backend = path.getBackend().getService().getName();
                // The console's own host is routed whole: every page needs a signed-in user.
                boolean console = "console".equals(backend) && "privacy-console".equals(ingress.getMetadata().getName());
                boolean external = EXTERNAL_INGRESS.equals(ingress.getMetadata().getName())
                        && path.getPath().equals(EXTERNAL_ROUTES.get(backend)) && "Prefix".equals(path.getPathType());
                if (!console && !external && (!PUBLIC.contains(backend) || !path.getPath().startsWith("/api/")
                        || EXTERNAL_INGRESS.equals(ingress.getMetadata().getName()))) {
                    problems.add(m.where(ingress) + ": path " + path.getPath() + " to " + backend + " is not a public path");
                }
            }));
        }
        return problems;
    }

    private static String peer(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "ip:" + peer.getIpBlock().getCidr();
        }
        String pods = labels(peer.getPodSelector());
        if (peer.getNamespaceSelector() != null) {
            String ns = peer.getNamespaceSelector().getMatchLabels() == null ? "any"
                    : peer.getNamespaceSelector().getMatchLabels().getOrDefault("kubernetes.io/metadata.name", "any");
            return "ns:" + ns + (pods.isEmpty() ? "" : "/" + pods);
        }
        return "pods:" + (pods.isEmpty() ? "any" : pods);
    }

    private static String labels(LabelSelector selector) {
        if (selector == null || selector.getMatchLabels() == null) {
            return "";
        }
        return new TreeSet<>(selector.getMatchLabels().entrySet().stream().map(Map.Entry::toString).toList()).stream()
                .reduce((a, b) -> a + "," + b).orElse("");
    }

    private static String ports(List<NetworkPolicyPort> ports) {
        if (ports == null || ports.isEmpty()) {
            return "any";
        }
        return ports.stream().map(p -> (p.getPort().getIntVal() != null ? p.getPort().getIntVal() : p.getPort().getStrVal())
                + "/" + (p.getProtocol() == null ? "TCP" : p.getProtocol())).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }
}
