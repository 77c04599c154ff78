package eu.privacysuite.contact.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import eu.privacysuite.testing.SuitePlatformResource;

/** Topics of the relay tests: one partition, so that offsets give the order, and a size limit a test can raise. */
final class RelayTopics {

    static final int SMALL_LIMIT = 1024;

    private RelayTopics() {
    }

    /** A new topic whose broker refuses any record over {@link #SMALL_LIMIT} bytes. */
    static String withSmallRecordLimit(String name) {
        String topic = "relay-test." + name + "." + UUID.randomUUID();
        NewTopic newTopic = new NewTopic(topic, 1, (short) 1)
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(SMALL_LIMIT)));
        admin(a -> a.createTopics(List.of(newTopic)).all().get(20, TimeUnit.SECONDS));
        return topic;
    }

    /** What an operator does before re-queueing a refused record: raise the topic's limit. */
    static void raiseRecordLimit(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(1024 * 1024)), AlterConfigOp.OpType.SET));
        admin(a -> a.incrementalAlterConfigs(Map.of(resource, ops)).all().get(20, TimeUnit.SECONDS));
    }

    private interface AdminCall {
        void run(Admin admin) throws Exception;
    }

    private static void admin(AdminCall call) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SuitePlatformResource.bootstrapServers()))) {
            call.run(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
