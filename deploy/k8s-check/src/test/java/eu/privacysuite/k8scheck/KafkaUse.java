package eu.privacysuite.k8scheck;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import eu.privacysuite.shared.events.Topics;

/**
 * What a service does on the bus, from its code and configuration: the topics it reads (its incoming channels),
 * the topics it writes (its outbox, its DSR replies, its dead-letter queues) and its consumer group.
 */
record KafkaUse(Set<String> reads, Set<String> writes, String group) {

    static KafkaUse of(SuiteService service) {
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        for (String channel : service.channels("incoming")) {
            String topic = service.channel("incoming", channel, "topic");
            if ("true".equals(service.channel("incoming", channel, "pattern"))) {
                Pattern pattern = Pattern.compile(topic);
                Topics.all().stream().filter(t -> pattern.matcher(t).matches()).forEach(reads::add);
            } else {
                reads.add(topic != null ? topic : channel);
            }
            // The failure strategy is the shared module's default (dead-letter-queue); each channel names its DLQ.
            String dlq = service.channel("incoming", channel, "dead-letter-queue.topic");
            if (dlq != null || "dead-letter-queue".equals(service.channel("incoming", channel, "failure-strategy"))) {
                writes.add(dlq != null ? dlq : "dead-letter-topic-" + channel);
            }
        }
        for (String channel : service.channels("outgoing")) {
            String topic = service.channel("outgoing", channel, "topic");
            writes.add(topic != null ? topic : channel);
        }
        for (String constant : service.outboxTopicConstants()) {
            writes.add(topicConstant(constant));
        }
        // The shared PurgeOrderConsumer reports every order it applies.
        if ("true".equals(service.prod("privacy.retention.purge-participant"))) {
            writes.add(Topics.RETENTION_PURGE_REPORTS);
        }
        // The shared DsrCommandConsumer answers every command on the participant's own reply topic.
        if ("true".equals(service.prod("privacy.dsr.participant"))) {
            writes.add(Topics.dsrReplies(service.prod("quarkus.application.name")));
        }
        String group = service.prod("kafka.group.id");
        return new KafkaUse(reads, writes, group != null ? group : service.prod("quarkus.application.name"));
    }

    Set<String> topics() {
        Set<String> all = new TreeSet<>(reads);
        all.addAll(writes);
        return all;
    }

    private static String topicConstant(String constant) {
        try {
            return (String) Topics.class.getField(constant).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Topics." + constant + " is not a topic constant", e);
        }
    }
}
