package eu.privacysuite.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * One overlay's rendered output, each object read as the type its apiVersion and kind claim: fabric8's
 * kubernetes-model for Kubernetes, io.strimzi:api for Strimzi. CloudNativePG and prometheus-operator publish no
 * Java model, so their objects stay generic and are checked field by field where it matters.
 */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);
    /** The custom resources without a Java model here, by apiVersion/kind, with the spec fields they must have. */
    static final Map<String, List<String>> GENERIC = Map.of(
            "postgresql.cnpg.io/v1/Cluster", List.of("instances", "storage", "bootstrap"),
            "monitoring.coreos.com/v1/PodMonitor", List.of("selector", "podMetricsEndpoints"),
            "monitoring.coreos.com/v1/PrometheusRule", List.of("groups"));

    final String overlay;
    final List<HasMetadata> objects;
    final List<String> parseProblems;

    private Manifests(String overlay, List<HasMetadata> objects, List<String> parseProblems) {
        this.overlay = overlay;
        this.objects = objects;
        this.parseProblems = parseProblems;
    }

    static Manifests parse(String overlay, String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (!(doc instanceof Map<?, ?> map)) {
                continue;
            }
            String apiVersion = String.valueOf(map.get("apiVersion"));
            String kind = String.valueOf(map.get("kind"));
            String name = String.valueOf(((Map<?, ?>) map.get("metadata")).get("name"));
            String where = overlay + ": " + kind + "/" + name;
            try {
                String json = SERIALIZATION.asJson(map);
                HasMetadata typed = apiVersion.startsWith("kafka.strimzi.io/") && STRIMZI.containsKey(kind)
                        ? SERIALIZATION.unmarshal(json, STRIMZI.get(kind))
                        : SERIALIZATION.unmarshal(json);
                if (typed instanceof GenericKubernetesResource generic) {
                    List<String> required = GENERIC.get(apiVersion + "/" + kind);
                    if (required == null) {
                        problems.add(where + ": " + apiVersion + " " + kind + " is no type known to the check");
                    } else if (!(generic.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)) {
                        problems.add(where + ": spec is missing");
                    } else {
                        required.stream().filter(f -> !spec.containsKey(f))
                                .forEach(f -> problems.add(where + ": spec." + f + " is missing"));
                    }
                } else {
                    UnknownFields.of(typed).forEach(field -> problems.add(where + ": unknown field " + field));
                }
                objects.add(typed);
            } catch (RuntimeException e) {
                problems.add(where + ": does not parse as " + apiVersion + " " + kind + ": " + e.getMessage());
            }
        }
        return new Manifests(overlay, objects, problems);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** The objects of a custom kind that has no Java model here (CloudNativePG's Cluster, for one). */
    List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    String where(HasMetadata object) {
        return overlay + ": " + object.getKind() + "/" + object.getMetadata().getName();
    }
}
