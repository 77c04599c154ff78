package eu.privacysuite.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Scaled out (issue 16, docs/decisions/0032): enough partitions that a consumer group spreads over the replicas,
 * at least two replicas of each service in prod, and a bus that keeps an acknowledged event when a broker dies.
 */
final class ScaleChecks {

    /** The fewest partitions of an event or reply topic: a group of 2 or 3 replicas then shares its work. */
    static final int MIN_PARTITIONS = 3;

    private ScaleChecks() {
    }

    /**
     * Every topic a consumer group reads has at least {@link #MIN_PARTITIONS} partitions. Dead-letter topics are
     * left out: no group of the services reads them, only the replay tool, and one partition keeps their order.
     */
    static List<String> partitions(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (KafkaTopic topic : m.all(KafkaTopic.class)) {
            String name = topic.getSpec().getTopicName();
            Integer partitions = topic.getSpec().getPartitions();
            if (name != null && !name.endsWith(".dlq") && (partitions == null || partitions < MIN_PARTITIONS)) {
                problems.add(m.where(topic) + ": spec.partitions is " + partitions + ", fewer than " + MIN_PARTITIONS);
            }
        }
        return problems;
    }

    /** Prod: replication factor 3 and min.insync.replicas 2 on the cluster, and at least 3 brokers to hold them. */
    static List<String> replication(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Kafka kafka : m.all(Kafka.class)) {
            Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
            expect(problems, m.where(kafka), config, "default.replication.factor", "3");
            expect(problems, m.where(kafka), config, "min.insync.replicas", "2");
            expect(problems, m.where(kafka), config, "offsets.topic.replication.factor", "3");
            int brokers = m.all(KafkaNodePool.class).stream()
                    .filter(p -> kafka.getMetadata().getName().equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                    .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                    .mapToInt(p -> p.getSpec().getReplicas()).sum();
            if (brokers < 3) {
                problems.add(m.where(kafka) + ": " + brokers + " broker(s) in its KafkaNodePools, fewer than 3");
            }
        }
        return problems;
    }

    /** Prod: each service runs at least twice, and an autoscaler never takes it below two. */
    static List<String> replicas(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (String service : SuiteService.NAMES) {
            var deployment = m.find(Deployment.class, service);
            Integer replicas = deployment.map(d -> d.getSpec().getReplicas()).orElse(null);
            if (replicas == null || replicas < 2) {
                problems.add(m.overlay + ": Deployment/" + service + " has " + replicas + " replica(s), fewer than 2");
            }
        }
        for (HorizontalPodAutoscaler hpa : m.all(HorizontalPodAutoscaler.class)) {
            Integer min = hpa.getSpec().getMinReplicas();
            if (min == null || min < 2) {
                problems.add(m.where(hpa) + ": spec.minReplicas is " + min + ", fewer than 2");
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, String where, Map<String, Object> config, String key,
            String value) {
        Object found = config == null ? null : config.get(key);
        if (!value.equals(String.valueOf(found))) {
            problems.add(where + ": spec.kafka.config." + key + " is " + found + ", not " + value);
        }
    }
}
