package eu.privacysuite.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Every service's pod runs with the production JVM settings written in deploy/jvm/production.options, unchanged
 * (decision 0034): the file, as a ConfigMap, mounted where JDK_JAVA_OPTIONS names it.
 */
class JvmSettingsTest {

    private static final String MOUNT = "/deployments/jvm";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsWithTheOneOptionsFile(String overlay) throws IOException {
        Manifests m = Overlays.rendered(overlay);
        String file = Files.readString(Repo.JVM.resolve("production.options"));
        for (SuiteService service : SuiteService.all()) {
            String where = overlay + " " + service.name();
            Deployment deployment = m.find(Deployment.class, service.name()).orElseThrow(() -> new AssertionError(where));
            Container container = Pods.container(deployment);
            VolumeMount mount = Pods.nullSafe(container.getVolumeMounts()).stream()
                    .filter(v -> MOUNT.equals(v.getMountPath())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + " mounts nothing at " + MOUNT));
            Volume volume = Pods.pod(deployment).getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
                    .findFirst().orElseThrow(() -> new AssertionError(where + ": no volume " + mount.getName()));
            assertNotNull(volume.getConfigMap(), where + ": " + MOUNT + " is a ConfigMap");
            ConfigMap settings = References.configMap(m, volume.getConfigMap().getName())
                    .orElseThrow(() -> new AssertionError(where + ": no ConfigMap " + volume.getConfigMap().getName()));
            assertEquals(file, settings.getData().get("production.options"), where + ": the file as it is in the repo");
            assertEquals("@" + MOUNT + "/production.options", jdkJavaOptions(m, container), where);
        }
    }

    /** JDK_JAVA_OPTIONS as the container gets it: its own env, else a ConfigMap it reads whole. */
    private static String jdkJavaOptions(Manifests m, Container container) {
        return Pods.env(container, "JDK_JAVA_OPTIONS").orElseGet(() -> Pods.nullSafe(container.getEnvFrom()).stream()
                .map(EnvFromSource::getConfigMapRef).filter(ref -> ref != null)
                .flatMap(ref -> References.configMap(m, ref.getName()).stream())
                .map(c -> c.getData().get("JDK_JAVA_OPTIONS")).filter(v -> v != null).findFirst().orElse(null));
    }
}
