package eu.privacysuite.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import eu.privacysuite.shared.events.Topics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/** The bus: topics for what the code uses, listeners that authenticate, and a Kafka user per service. */
final class BusChecks {

    private BusChecks() {
    }

    /** Every topic of Topics.all() has a KafkaTopic, and nothing else has one; in prod RF 3 and min.insync 2. */
    static List<String> topics(Manifests m, boolean production) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        for (KafkaTopic topic : m.all(KafkaTopic.class)) {
            String name = topic.getSpec().getTopicName();
            declared.add(name);
            if (!Topics.all().contains(name)) {
                problems.add(m.where(topic) + ": spec.topicName " + name + " is no topic of Topics.all()");
            }
            if (production && !Integer.valueOf(3).equals(topic.getSpec().getReplicas())) {
                problems.add(m.where(topic) + ": spec.replicas is " + topic.getSpec().getReplicas() + ", not 3");
            }
            Object minIsr = topic.getSpec().getConfig() == null ? null : topic.getSpec().getConfig().get("min.insync.replicas");
            if (production && !"2".equals(String.valueOf(minIsr))) {
                problems.add(m.where(topic) + ": spec.config.min.insync.replicas is " + minIsr + ", not 2");
            }
        }
        for (String topic : Topics.all()) {
            if (!declared.contains(topic)) {
                problems.add(m.overlay + ": no KafkaTopic has spec.topicName " + topic);
            }
        }
        for (SuiteService service : SuiteService.all()) {
            for (String topic : KafkaUse.of(service).topics()) {
                if (!Topics.all().contains(topic)) {
                    problems.add(service.name() + "/application.properties: topic " + topic + " is not in Topics.all()");
                }
            }
        }
        return problems;
    }

    /** Every listener is TLS with authentication, and the cluster authorizes with ACLs. */
    static List<String> listeners(Manifests m) {
        List<String> problems = new ArrayList<>();
        List<Kafka> clusters = m.all(Kafka.class);
        if (clusters.isEmpty()) {
            problems.add(m.overlay + ": no Kafka");
        }
        for (Kafka kafka : clusters) {
            for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
                String field = m.where(kafka) + ": spec.kafka.listeners[" + listener.getName() + "]";
                if (!listener.isTls()) {
                    problems.add(field + ".tls is false");
                }
                if (listener.getAuth() == null) {
                    problems.add(field + ".authentication is missing");
                }
            }
            var authorization = kafka.getSpec().getKafka().getAuthorization();
            if (authorization == null || !"simple".equals(authorization.getType())) {
                problems.add(m.where(kafka) + ": spec.kafka.authorization.type is not simple");
            }
        }
        return problems;
    }

    /** A KafkaUser per service whose ACLs are exactly what its code uses: nothing missing, nothing more. */
    static List<String> users(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (SuiteService service : SuiteService.all()) {
            var user = m.find(KafkaUser.class, service.name());
            if (user.isEmpty()) {
                problems.add(m.overlay + ": no KafkaUser " + service.name());
                continue;
            }
            String where = m.where(user.get()) + ": spec.authorization.acls";
            if (user.get().getSpec().getAuthentication() == null) {
                problems.add(m.where(user.get()) + ": spec.authentication is missing");
            }
            if (!(user.get().getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
                problems.add(m.where(user.get()) + ": spec.authorization is not simple");
                continue;
            }
            Set<String> granted = new TreeSet<>();
            for (AclRule rule : simple.getAcls()) {
                granted.addAll(grants(rule, where, problems));
            }
            KafkaUse use = KafkaUse.of(service);
            Set<String> needed = new TreeSet<>();
            use.reads().forEach(t -> needed.add("Read topic " + t));
            use.writes().forEach(t -> needed.add("Write topic " + t));
            needed.add("Read group " + use.group());
            for (String grant : needed) {
                if (!granted.contains(grant)) {
                    problems.add(where + " lacks " + grant + ", which the code uses");
                }
            }
            for (String grant : granted) {
                if (!needed.contains(grant)) {
                    problems.add(where + " grants " + grant + ", which the code does not use");
                }
            }
        }
        return problems;
    }

    /** The grants of one rule as "Operation type name"; Describe is implied by Read and Write, so it is skipped. */
    private static List<String> grants(AclRule rule, String where, List<String> problems) {
        String resource;
        if (rule.getResource() instanceof AclRuleTopicResource topic) {
            resource = "topic " + topic.getName();
            if (topic.getPatternType() != null && !"LITERAL".equalsIgnoreCase(topic.getPatternType().toString())) {
                problems.add(where + ": topic " + topic.getName() + " is a " + topic.getPatternType() + " pattern, not literal");
            }
        } else if (rule.getResource() instanceof AclRuleGroupResource group) {
            resource = "group " + group.getName();
        } else {
            resource = Objects.toString(rule.getResource() == null ? null : rule.getResource().getType());
        }
        List<AclOperation> operations = new ArrayList<>();
        if (rule.getOperations() != null) {
            operations.addAll(rule.getOperations());
        }
        if (rule.getOperation() != null) {
            operations.add(rule.getOperation());
        }
        return operations.stream().filter(op -> op != AclOperation.DESCRIBE)
                .map(op -> capitalized(op.toString()) + " " + resource).toList();
    }

    private static String capitalized(String operation) {
        String lower = operation.toLowerCase();
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
