package eu.privacysuite.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Reading a Deployment's pod: what it mounts from where, and what configuration reaches its container. */
final class Pods {

    /** One key of a Secret or ConfigMap that reaches the pod, as a file or an environment variable. */
    record Reference(String kind, String name, String key, String field) {
    }

    private Pods() {
    }

    static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    static Container container(Deployment deployment) {
        return pod(deployment).getContainers().get(0);
    }

    static Optional<String> env(Container container, String name) {
        return container.getEnv() == null ? Optional.empty()
                : container.getEnv().stream().filter(e -> name.equals(e.getName()) && e.getValue() != null)
                        .map(EnvVar::getValue).findFirst();
    }

    /** Every Secret and ConfigMap key the pod uses (a whole envFrom ConfigMap has key null). */
    static List<Reference> references(Deployment deployment) {
        List<Reference> refs = new ArrayList<>();
        Container container = container(deployment);
        for (EnvFromSource from : nullSafe(container.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                refs.add(new Reference("ConfigMap", from.getConfigMapRef().getName(), null, "envFrom"));
            }
            if (from.getSecretRef() != null) {
                refs.add(new Reference("Secret", from.getSecretRef().getName(), null, "envFrom"));
            }
        }
        for (EnvVar env : nullSafe(container.getEnv())) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                var ref = env.getValueFrom().getSecretKeyRef();
                refs.add(new Reference("Secret", ref.getName(), ref.getKey(), "env[" + env.getName() + "]"));
            }
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = env.getValueFrom().getConfigMapKeyRef();
                refs.add(new Reference("ConfigMap", ref.getName(), ref.getKey(), "env[" + env.getName() + "]"));
            }
        }
        for (Volume volume : nullSafe(pod(deployment).getVolumes())) {
            String field = "volumes[" + volume.getName() + "]";
            if (volume.getSecret() != null) {
                addItems(refs, "Secret", volume.getSecret().getSecretName(), volume.getSecret().getItems(), field);
            }
            if (volume.getConfigMap() != null) {
                addItems(refs, "ConfigMap", volume.getConfigMap().getName(), volume.getConfigMap().getItems(), field);
            }
            if (volume.getProjected() != null) {
                for (VolumeProjection source : volume.getProjected().getSources()) {
                    if (source.getSecret() != null) {
                        addItems(refs, "Secret", source.getSecret().getName(), source.getSecret().getItems(), field);
                    }
                    if (source.getConfigMap() != null) {
                        addItems(refs, "ConfigMap", source.getConfigMap().getName(), source.getConfigMap().getItems(), field);
                    }
                }
            }
        }
        return refs;
    }

    /**
     * The configuration names that reach the container: its env, the keys of its envFrom ConfigMaps, and the files
     * of the directories that SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS names (a file's name is a property name).
     */
    static Set<String> configNames(Deployment deployment, Manifests m) {
        Container container = container(deployment);
        Set<String> names = new TreeSet<>();
        nullSafe(container.getEnv()).forEach(e -> names.add(e.getName()));
        for (EnvFromSource from : nullSafe(container.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                References.configMap(m, from.getConfigMapRef().getName()).map(ConfigMap::getData)
                        .ifPresent(data -> names.addAll(data.keySet()));
            }
        }
        String locations = env(container, "SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS").orElse("");
        for (String dir : locations.split(",")) {
            for (VolumeMount mount : nullSafe(container.getVolumeMounts())) {
                if (mount.getMountPath().equals(dir.trim())) {
                    names.addAll(files(deployment, mount.getName(), m));
                }
            }
        }
        return names;
    }

    /** The file names a volume holds: its items' paths, or every key of a ConfigMap projected whole. */
    static Set<String> files(Deployment deployment, String volumeName, Manifests m) {
        Set<String> files = new TreeSet<>();
        for (Volume volume : nullSafe(pod(deployment).getVolumes())) {
            if (!volume.getName().equals(volumeName) || volume.getProjected() == null) {
                continue;
            }
            for (VolumeProjection source : volume.getProjected().getSources()) {
                List<KeyToPath> items = source.getSecret() != null ? source.getSecret().getItems()
                        : source.getConfigMap() != null ? source.getConfigMap().getItems() : null;
                if (items != null && !items.isEmpty()) {
                    items.forEach(i -> files.add(i.getPath()));
                } else if (source.getConfigMap() != null) {
                    References.configMap(m, source.getConfigMap().getName()).map(ConfigMap::getData)
                            .map(Map::keySet).ifPresent(files::addAll);
                }
            }
        }
        return files;
    }

    private static void addItems(List<Reference> refs, String kind, String name, List<KeyToPath> items, String field) {
        if (items == null || items.isEmpty()) {
            refs.add(new Reference(kind, name, null, field));
        } else {
            items.forEach(i -> refs.add(new Reference(kind, name, i.getKey(), field + " key " + i.getKey())));
        }
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
