package eu.privacysuite.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Each service's Deployment against the service's own configuration. */
final class WorkloadChecks {

    /** Kafka client settings every service must receive as files, so that the channels and the relay log in. */
    static final Set<String> KAFKA_CLIENT = Set.of("kafka.security.protocol", "kafka.sasl.mechanism",
            "kafka.sasl.jaas.config", "kafka.ssl.truststore.type", "kafka.ssl.truststore.certificates");

    private WorkloadChecks() {
    }

    static List<String> check(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (SuiteService service : SuiteService.all()) {
            var deployment = m.find(Deployment.class, service.name());
            if (deployment.isEmpty()) {
                problems.add(m.overlay + ": no Deployment " + service.name());
                continue;
            }
            check(m, service, deployment.get(), problems);
        }
        return problems;
    }

    private static void check(Manifests m, SuiteService service, Deployment deployment, List<String> problems) {
        String where = m.where(deployment) + ": ";
        Container container = Pods.container(deployment);
        Set<String> provided = Pods.configNames(deployment, m);
        for (String name : service.environmentVariables()) {
            if (!provided.contains(name)) {
                problems.add(where + "env lacks " + name + ", which " + service.name() + "'s application.properties reads");
            }
        }
        for (String name : KAFKA_CLIENT) {
            if (!provided.contains(name)) {
                problems.add(where + "no file or env provides " + name + " (the Kafka client settings)");
            }
        }
        Pods.nullSafe(container.getEnv()).stream().filter(e -> e.getValueFrom() != null
                && e.getValueFrom().getSecretKeyRef() != null).forEach(e ->
                        problems.add(where + "env[" + e.getName() + "] reads a Secret: secrets are mounted as files"));
        Pods.nullSafe(container.getEnvFrom()).stream().filter(e -> e.getSecretRef() != null).forEach(e ->
                problems.add(where + "envFrom reads Secret " + e.getSecretRef().getName() + ": secrets are mounted as files"));

        port(container, "http", service.httpPort(), where, problems);
        port(container, "management", service.managementPort(), where, problems);
        if (!"true".equals(service.prod("quarkus.management.enabled"))) {
            problems.add(service.name() + "/application.properties: quarkus.management.enabled is not true");
        }
        if (!"false".equals(service.prod("quarkus.swagger-ui.enable"))) {
            problems.add(service.name() + "/application.properties: Swagger UI is not off in the prod profile");
        }
        probe(container.getStartupProbe(), "startupProbe", "/q/health/started", where, problems);
        probe(container.getReadinessProbe(), "readinessProbe", "/q/health/ready", where, problems);
        probe(container.getLivenessProbe(), "livenessProbe", "/q/health/live", where, problems);
        m.find(Service.class, service.name()).ifPresentOrElse(s -> s.getSpec().getPorts().forEach(p -> {
            if (!"http".equals(p.getName()) || p.getPort() != service.httpPort()) {
                problems.add(m.where(s) + ": spec.ports[" + p.getName() + "] is not http:" + service.httpPort()
                        + " (the management port stays off the Service)");
            }
        }), () -> problems.add(m.overlay + ": no Service " + service.name()));

        security(deployment, container, service, where, problems);
        String image = service.prod("quarkus.container-image.registry") + "/" + service.prod("quarkus.container-image.group")
                + "/" + service.prod("quarkus.container-image.name") + ":" + System.getProperty("project.version");
        if (!image.equals(container.getImage())) {
            problems.add(where + "image is " + container.getImage() + ", but the build makes " + image);
        }
        String ssl = Pods.env(container, "DB_SSL_PARAMS").orElse("");
        if (!ssl.contains("sslmode=verify-full") || !service.prod("quarkus.datasource.jdbc.url").contains("${DB_SSL_PARAMS")) {
            problems.add(where + "env[DB_SSL_PARAMS] does not make JDBC use sslmode=verify-full");
        }
        String caFile = "/etc/privacy/db-ca/ca.crt";
        boolean caMounted = Pods.references(deployment).stream().anyMatch(r -> r.name().equals(service.database() + "-ca")
                && "ca.crt".equals(r.key())) && Pods.nullSafe(container.getVolumeMounts()).stream()
                        .anyMatch(v -> caFile.startsWith(v.getMountPath() + "/"));
        if (!ssl.contains("sslrootcert=" + caFile) || !caMounted) {
            problems.add(where + "sslrootcert is not " + service.database() + "-ca's ca.crt mounted at " + caFile);
        }
    }

    private static void security(Deployment deployment, Container container, SuiteService service, String where,
            List<String> problems) {
        var pod = Pods.pod(deployment).getSecurityContext();
        String user = service.prod("quarkus.jib.user");
        if (pod == null || !Boolean.TRUE.equals(pod.getRunAsNonRoot()) || pod.getRunAsUser() == null
                || !String.valueOf(pod.getRunAsUser()).equals(user)) {
            problems.add(where + "spec.template.spec.securityContext must run as non-root user " + user + " (the image's)");
        }
        var c = container.getSecurityContext();
        if (c == null || !Boolean.TRUE.equals(c.getReadOnlyRootFilesystem()) || !Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())
                || c.getCapabilities() == null || !c.getCapabilities().getDrop().contains("ALL")) {
            problems.add(where + "containers[0].securityContext must be read-only, without privilege escalation, drop ALL");
        }
        var resources = container.getResources();
        for (String kind : List.of("cpu", "memory")) {
            if (resources == null || !has(resources.getRequests(), kind) || !has(resources.getLimits(), kind)) {
                problems.add(where + "containers[0].resources lacks a " + kind + " request or limit");
            }
        }
    }

    private static boolean has(Map<String, ?> map, String key) {
        return map != null && map.containsKey(key);
    }

    private static void port(Container container, String name, int expected, String where, List<String> problems) {
        List<ContainerPort> ports = Pods.nullSafe(container.getPorts());
        if (ports.stream().noneMatch(p -> name.equals(p.getName()) && p.getContainerPort() == expected)) {
            problems.add(where + "containers[0].ports has no " + name + ":" + expected + " (application.properties)");
        }
    }

    private static void probe(Probe probe, String field, String path, String where, List<String> problems) {
        if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())
                || !"management".equals(probe.getHttpGet().getPort().getStrVal())) {
            problems.add(where + "containers[0]." + field + " is not GET " + path + " on the management port");
        }
    }
}
