package eu.privacysuite.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import eu.privacysuite.shared.events.Topics;

/** How many records each topic of the suite holds (end minus start offsets): what a fault run counts on the bus. */
final class TopicCounts {

    static Map<String, Long> of(String bootstrapServers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : Topics.all()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).toList();
                Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                counts.put(topic, partitions.stream().mapToLong(t -> end.get(t) - start.get(t)).sum());
            }
        }
        return counts;
    }

    private TopicCounts() {
    }
}
