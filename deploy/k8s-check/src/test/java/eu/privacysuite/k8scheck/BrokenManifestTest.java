package eu.privacysuite.k8scheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The checks fail, naming the manifest and the field, when a manifest is broken. */
class BrokenManifestTest {

    @Test
    void aSecretNamedWrongFailsNamingTheDeploymentAndTheVolume() throws IOException {
        Path k8s = Repo.copyOfK8s();
        edit(k8s.resolve("base/consent-service.yaml"), "name: consent-db-app", "name: consent-db-ap");

        List<String> problems = References.check(Overlays.render(k8s, "prod"));

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("overlays/prod: Deployment/consent-service: volumes[config]")
                && p.contains("Secret consent-db-ap")), String.join("\n", problems));
    }

    @Test
    void aKeyTheSecretDoesNotHaveFails() throws IOException {
        Path k8s = Repo.copyOfK8s();
        edit(k8s.resolve("base/dsr-service.yaml"), "{key: bus-keys, path: PRIVACY_BUS_KEYS}",
                "{key: bus-key, path: PRIVACY_BUS_KEYS}");

        List<String> problems = References.check(Overlays.render(k8s, "dev"));

        assertTrue(problems.stream().anyMatch(p -> p.contains("Deployment/dsr-service") && p.contains("key bus-key,")),
                String.join("\n", problems));
    }

    @Test
    void anAclTheCodeDoesNotNeedFails() throws IOException {
        Path k8s = Repo.copyOfK8s();
        // consent-service may now write the commands: a compromised public pod could order erasures.
        edit(k8s.resolve("base/kafka-users.yaml"), "          name: privacy.dsr.replies.consent-service\n",
                "          name: privacy.dsr.commands\n");

        List<String> problems = BusChecks.users(Overlays.render(k8s, "prod"));

        assertTrue(problems.contains("overlays/prod: KafkaUser/consent-service: spec.authorization.acls grants Write topic"
                + " privacy.dsr.commands, which the code does not use"), String.join("\n", problems));
        assertTrue(problems.contains("overlays/prod: KafkaUser/consent-service: spec.authorization.acls lacks Write topic"
                + " privacy.dsr.replies.consent-service, which the code uses"), String.join("\n", problems));
    }

    @Test
    void aMisspeltFieldFailsAsAnUnknownField() throws IOException {
        Path k8s = Repo.copyOfK8s();
        edit(k8s.resolve("base/retention-service.yaml"), "readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true");

        Manifests m = Overlays.render(k8s, "prod");

        assertTrue(m.parseProblems.stream().anyMatch(p -> p.startsWith("overlays/prod: Deployment/retention-service")
                && p.endsWith("securityContext.readOnlyRootFileSystem")), String.join("\n", m.parseProblems));
        assertTrue(WorkloadChecks.check(m).stream().anyMatch(p -> p.contains("containers[0].securityContext")));
    }

    @Test
    void anExternalRouteWiderThanItsPrefixFails() throws IOException {
        Path k8s = Repo.copyOfK8s();
        // The whole of retention-service's API, the controller's included, on the outside systems' host.
        edit(k8s.resolve("base/ingress.yaml"), "- path: /api/retention/external/", "- path: /api/retention/");

        List<String> problems = NetworkChecks.check(Overlays.render(k8s, "prod"));

        assertTrue(problems.contains("overlays/prod: Ingress/privacy-external: path /api/retention/ to retention-service"
                + " is not a public path"), String.join("\n", problems));
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }
}
