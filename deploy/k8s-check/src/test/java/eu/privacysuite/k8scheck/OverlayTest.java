package eu.privacysuite.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** What ops rely on in every overlay, checked on the rendered output (the "Checked by the build"). */
class OverlayTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectParsesAsTheTypeItClaims(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        assertTrue(m.objects.size() > 40, overlay + " renders " + m.objects.size() + " objects");
        assertNone(m.parseProblems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretConfigMapServiceAndWorkloadNamedExists(String overlay) {
        assertNone(References.check(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceGetsItsConfigurationPortsProbesImageAndSecurityContext(String overlay) {
        assertNone(WorkloadChecks.check(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAndIngressLetInOnlyWhatTheyShould(String overlay) {
        assertNone(NetworkChecks.check(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheCodeUsesHasAKafkaTopic(String overlay) {
        assertNone(BusChecks.topics(Overlays.rendered(overlay), overlay.equals("prod")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theBusAuthenticatesAndEachServiceMayDoExactlyWhatItsCodeDoes(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        assertNone(BusChecks.listeners(m));
        assertNone(BusChecks.users(m));
    }

    @Test
    void prodKeepsTwoReplicasThroughDisruptionsAndScalesThePublicServices() {
        Manifests prod = Overlays.rendered("prod");
        for (String service : SuiteService.NAMES) {
            assertTrue(prod.find(PodDisruptionBudget.class, service).isPresent(), "PodDisruptionBudget/" + service);
            assertTrue(prod.find(Deployment.class, service).get().getSpec().getReplicas() >= 2, "Deployment/" + service);
        }
        assertEquals(NetworkChecks.PUBLIC, new java.util.TreeSet<>(prod.all(HorizontalPodAutoscaler.class).stream()
                .map(h -> h.getSpec().getScaleTargetRef().getName()).toList()));
    }

    @Test
    void theRunbookNamesEverySecretAndConfigMapMadeByHand() throws java.io.IOException {
        String runbook = java.nio.file.Files.readString(Repo.ROOT.resolve("docs/operations.md"));
        var byHand = new java.util.HashMap<>(References.SECRETS_BY_HAND);
        byHand.putAll(References.CONFIG_MAPS_BY_HAND);
        byHand.forEach((name, keys) -> {
            assertTrue(runbook.contains("`" + name + "`"), "docs/operations.md does not say how to make " + name);
            keys.forEach(key -> assertTrue(runbook.contains(key), "docs/operations.md does not name " + name + "'s " + key));
        });
    }

    static void assertNone(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }
}
