package eu.privacysuite.localstack;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import eu.privacysuite.shared.dlq.DeadLetterReplay;

/**
 * {@code deploy/local/run}, {@code deploy/local/controller-token} and {@code deploy/local/replay-dlq}: start the
 * suite and keep it running until Ctrl-C, print a bearer token from the running stack's Keycloak, or move a
 * dead-letter topic's records back to their topic.
 */
public final class LocalStackCommand {

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The broker's own warnings about a first start or a shutdown are routine here.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path repoRoot = Path.of(System.getProperty("privacy.repo", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.local(repoRoot);
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> run(settings);
            case "token" -> token(settings, args);
            case "replay-dlq" -> replayDeadLetters(settings, args);
            case "topics" -> TopicCounts.of("127.0.0.1:" + settings.kafkaPort())
                    .forEach((topic, records) -> System.out.println(topic + " " + records));
            default -> {
                System.err.println("usage: run | token [controller|auditor] | replay-dlq <topic> | topics");
                System.exit(2);
            }
        }
    }

    /** A token from the running stack's Keycloak, with the credentials the stack made at its first start. */
    private static void token(StackSettings settings, String[] args) {
        String role = args.length > 1 && args[1].equals("auditor") ? ControllerTokens.AUDITOR : ControllerTokens.CONTROLLER;
        String realmUrl = "http://127.0.0.1:" + settings.keycloakPort() + "/realms/" + KeycloakServer.REALM;
        try {
            System.out.println(new ControllerTokens(realmUrl, LocalSecrets.loadOrCreate(settings.dataDir())).token(role));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** The stack's broker, same client as the Kubernetes Job: {@link DeadLetterReplay}. */
    private static void replayDeadLetters(StackSettings settings, String[] args) {
        if (args.length != 2) {
            System.err.println("usage: replay-dlq <topic or its .dlq>, e.g. replay-dlq privacy.subject.links.dlq");
            System.exit(2);
        }
        Properties client = new Properties();
        client.put("bootstrap.servers", "127.0.0.1:" + settings.kafkaPort());
        DeadLetterReplay.replayFromCommandLine(client, args[1]);
    }

    private static void run(StackSettings settings) throws InterruptedException {
        System.out.println("Starting the privacy suite (data in " + settings.dataDir() + ") ...");
        // Installed before anything starts: Ctrl-C or SIGTERM during the start (Keycloak's first one takes minutes)
        // stops what was launched so far instead of leaving it running.
        AtomicReference<LocalStack> started = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack running = started.get();
            if (running != null || ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)) {
                System.out.println("\nStopping the privacy suite ...");
                if (running != null) {
                    running.close();
                }
                ChildProcesses.stopAll(ProcessHandle.current());
                System.out.println("Stopped. Data kept in " + settings.dataDir());
            }
            stopped.countDown();
        }, "local-stack-stop"));
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (RuntimeException e) {
            System.err.println("The suite did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        started.set(stack);
        ConsoleProcess console;
        try {
            // Plain HTTP on 127.0.0.1: the browser keeps Secure cookies for it, as for any local address.
            console = stack.startConsole(true);
        } catch (RuntimeException e) {
            System.err.println("The console did not start: " + e.getMessage());
            System.exit(1);
            return;
        }

        System.out.println("\nThe privacy suite is ready.");
        System.out.printf("  %-18s %s%n", "Kafka broker", stack.bootstrapServers());
        for (ServiceProcess service : stack.services()) {
            int replica = stack.replicaOf(service);
            System.out.printf("  %-18s %s   management %s   log %s%n",
                    service.service().module() + (replica == 1 ? "" : " #" + replica), service.baseUrl(),
                    service.managementUrl(), settings.logFile(service.service(), replica));
        }
        KeycloakServer keycloak = stack.keycloak();
        LocalSecrets secrets = keycloak.secrets();
        System.out.printf("  %-18s %s   sign in as controller / %s or auditor / %s   log %s%n", "console",
                console.baseUrl(), secrets.controllerPassword(), secrets.auditorPassword(), console.log());
        System.out.printf("  %-18s %s   issuer %s   admin console %s/admin (admin / %s)   log %s%n", "Keycloak",
                keycloak.baseUrl(), keycloak.realmUrl(), keycloak.baseUrl(), keycloak.adminPassword(), settings.keycloakLog());
        System.out.printf("  %-18s controller / %s (privacy-controller)   auditor / %s (privacy-auditor)   sign in at %s/account%n",
                "realm users", secrets.controllerPassword(), secrets.auditorPassword(), keycloak.realmUrl());
        System.out.printf("  %-18s %s / %s (client credentials, privacy-controller)%n", "scripts client",
                ControllerTokens.SCRIPTS_CLIENT, secrets.scriptsClientSecret());
        System.out.printf("  %-18s smtp://127.0.0.1:%d   read the mails at %s (web page; REST: /api/user/{address}/messages/INBOX/)%n",
                "mail server", stack.mailServer().smtpPort(), stack.mailServer().apiUrl());
        if (stack.crm() != null) {
            System.out.printf("  %-18s %s   table crm_customer in database %scrm, holding %s: an erasure or access "
                    + "request for that address reaches it (answers by signed callback); and %s, idle since %s: a sweep"
                    + " orders it purged at %s%n", "stand-in CRM", stack.crm().endpoint(), settings.databasePrefix(),
                    LocalStack.CRM_DEMO_CUSTOMER, LocalStack.CRM_IDLE_CUSTOMER, LocalStack.CRM_IDLE_SINCE,
                    stack.crm().purgeEndpoint());
        }
        System.out.println("\nEach service's management port: /q/swagger-ui (API), /q/health, /q/metrics, /q/openapi.");
        System.out.println("Controller token: deploy/local/controller-token (auditor: deploy/local/controller-token auditor)"
                + "   Stop: Ctrl-C");
        stopped.await();
    }

    private LocalStackCommand() {
    }
}
