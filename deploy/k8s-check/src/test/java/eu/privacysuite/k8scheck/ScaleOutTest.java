package eu.privacysuite.k8scheck;

import static eu.privacysuite.k8scheck.OverlayTest.assertNone;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 16 on the rendered manifests: partitions for every overlay; replicas and replication in prod. */
class ScaleOutTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicAGroupReadsHasAtLeastThreePartitions(String overlay) {
        assertNone(ScaleChecks.partitions(Overlays.rendered(overlay)));
    }

    @Test
    void prodRunsTwoReplicasOfEachServiceAndTheBusReplicatesThreeTimesWithTwoInSync() {
        Manifests prod = Overlays.rendered("prod");
        assertNone(ScaleChecks.replicas(prod));
        assertNone(ScaleChecks.replication(prod));
    }

    @Test
    void theChecksSeeADevOverlayForWhatItIsOneBrokerAndOneReplica() {
        // dev is 1 replica and 1 broker on purpose: the same checks must find that, or they could not fail.
        Manifests dev = Overlays.rendered("dev");
        List<String> replicas = ScaleChecks.replicas(dev);
        List<String> replication = ScaleChecks.replication(dev);
        assertFalse(replicas.isEmpty(), "dev runs one replica of each service");
        assertFalse(replication.isEmpty(), "dev's bus has one broker and replication 1");
    }
}
