package eu.privacysuite.k8scheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;

/** Every Secret, ConfigMap, Service, port and workload that a manifest names exists, with the keys it names. */
final class References {

    /** Secrets made by hand in the namespace before the first apply (docs/operations.md), with their keys. */
    static final Map<String, Set<String>> SECRETS_BY_HAND = Map.of(
            "privacy-suite-secrets", Set.of("subject-pepper", "bus-keys", "digest-signing-key", "digest-public-key",
                    "console-session-secret"),
            "privacy-public-tls", Set.of("tls.crt", "tls.key"),
            // dsr-service's external participants' signing keys, one per participant, all projected (optional).
            "dsr-external-keys", Set.of(),
            // retention-service's external systems' signing keys, one per system, all projected (optional).
            "retention-external-keys", Set.of());
    /** ConfigMaps made by hand likewise: none since the services fetch the identity provider's keys (JWKS). */
    static final Map<String, Set<String>> CONFIG_MAPS_BY_HAND = Map.of();

    private References() {
    }

    static Optional<ConfigMap> configMap(Manifests m, String name) {
        return m.find(ConfigMap.class, name);
    }

    static List<String> check(Manifests m) {
        Map<String, Set<String>> secrets = secretsAndTheirKeys(m);
        Map<String, Set<String>> configMaps = new HashMap<>(CONFIG_MAPS_BY_HAND);
        m.all(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(), keys(c.getData())));
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : m.all(Deployment.class)) {
            for (Pods.Reference ref : Pods.references(deployment)) {
                Map<String, Set<String>> known = ref.kind().equals("Secret") ? secrets : configMaps;
                String where = m.where(deployment) + ": " + ref.field();
                if (!known.containsKey(ref.name())) {
                    problems.add(where + " names " + ref.kind() + " " + ref.name() + ", which the overlay does not make");
                } else if (ref.key() != null && !known.get(ref.name()).contains(ref.key())) {
                    problems.add(where + " names key " + ref.key() + ", which " + ref.kind() + " " + ref.name() + " lacks");
                }
            }
        }
        for (Ingress ingress : m.all(Ingress.class)) {
            ingress.getSpec().getTls().stream().filter(tls -> !secrets.containsKey(tls.getSecretName())).forEach(tls ->
                    problems.add(m.where(ingress) + ": spec.tls.secretName " + tls.getSecretName() + " does not exist"));
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                var backend = path.getBackend().getService();
                if (m.find(Service.class, backend.getName()).filter(s -> s.getSpec().getPorts().stream()
                        .anyMatch(p -> p.getName().equals(backend.getPort().getName()))).isEmpty()) {
                    problems.add(m.where(ingress) + ": path " + path.getPath() + " backend " + backend.getName() + ":"
                            + backend.getPort().getName() + " is no Service port");
                }
            }));
        }
        for (HorizontalPodAutoscaler hpa : m.all(HorizontalPodAutoscaler.class)) {
            if (m.find(Deployment.class, hpa.getSpec().getScaleTargetRef().getName()).isEmpty()) {
                problems.add(m.where(hpa) + ": spec.scaleTargetRef " + hpa.getSpec().getScaleTargetRef().getName()
                        + " is no Deployment");
            }
        }
        for (PodDisruptionBudget pdb : m.all(PodDisruptionBudget.class)) {
            if (!selectsADeployment(m, pdb.getSpec().getSelector().getMatchLabels())) {
                problems.add(m.where(pdb) + ": spec.selector matches no Deployment's pods");
            }
        }
        for (Service service : m.all(Service.class)) {
            if (!selectsADeployment(m, service.getSpec().getSelector())) {
                problems.add(m.where(service) + ": spec.selector matches no Deployment's pods");
            }
        }
        return problems;
    }

    static boolean selectsADeployment(Manifests m, Map<String, String> labels) {
        return labels != null && m.all(Deployment.class).stream().anyMatch(d -> d.getSpec().getTemplate().getMetadata()
                .getLabels().entrySet().containsAll(labels.entrySet()));
    }

    /** Secrets of the overlay, those the operators write for its objects, and those made by hand. */
    private static Map<String, Set<String>> secretsAndTheirKeys(Manifests m) {
        Map<String, Set<String>> secrets = new HashMap<>(SECRETS_BY_HAND);
        for (Secret secret : m.all(Secret.class)) {
            Set<String> keys = new java.util.TreeSet<>(keys(secret.getData()));
            keys.addAll(keys(secret.getStringData()));
            secrets.put(secret.getMetadata().getName(), keys);
        }
        for (GenericKubernetesResource cluster : m.generic("Cluster")) {
            String name = cluster.getMetadata().getName();
            // CloudNativePG: the application user's credentials, and the CA that signs the server certificate.
            secrets.put(name + "-app", Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri",
                    "pgpass", "user"));
            secrets.put(name + "-ca", Set.of("ca.crt", "ca.key"));
        }
        for (KafkaUser user : m.all(KafkaUser.class)) {
            // Strimzi's User Operator: a Secret named after the user.
            String type = user.getSpec().getAuthentication() == null ? "" : user.getSpec().getAuthentication().getType();
            secrets.put(user.getMetadata().getName(), type.startsWith("scram") ? Set.of("password", "sasl.jaas.config")
                    : Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password"));
        }
        for (Kafka kafka : m.all(Kafka.class)) {
            secrets.put(kafka.getMetadata().getName() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        return secrets;
    }

    private static Set<String> keys(Map<String, String> data) {
        return data == null ? Set.of() : data.keySet();
    }
}
