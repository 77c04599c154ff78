package eu.privacysuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import eu.privacysuite.platform.KraftBroker;
import eu.privacysuite.platform.LocalDatabases;
import eu.privacysuite.platform.StandInCrm;
import eu.privacysuite.shared.events.Topics;

/**
 * The whole suite on one machine: Keycloak (the identity provider, realm privacy), a KRaft broker with every topic,
 * one database per service on the local PostgreSQL, and the four services, each waited for until it is ready.
 * {@link #close()} stops all of it. With {@link StackSettings#replicas()} above 1, each service runs that many
 * times, all sharing its database and the broker (its consumer group too); replicas after the first start once the
 * first ones are ready, so that they do not all compete for the CPU at once and the migrations are done before
 * they start.
 */
public final class LocalStack implements AutoCloseable {

    /** How long a service may take to become ready; PRIVACY_READY_TIMEOUT_SECONDS lengthens it on a busy machine. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("PRIVACY_READY_TIMEOUT_SECONDS", "180")));

    private final StackSettings settings;
    private final LocalSecrets secrets;
    private KraftBroker broker;
    private final LocalDatabases databases;
    /** Copy-on-write: an end-to-end class may add a replica while others look the stack's processes up. */
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final KeycloakServer keycloak;
    private final boolean ownKeycloak;
    private MailServer mailServer;
    private StandInCrm crm;
    private Path crmConfig;
    private Path retentionCrmConfig;
    private ConsoleProcess console;
    private boolean consoleSecureCookies;

    private LocalStack(StackSettings settings, LocalSecrets secrets, KraftBroker broker, LocalDatabases databases,
            KeycloakServer keycloak, boolean ownKeycloak) {
        this.settings = settings;
        this.secrets = secrets;
        this.broker = broker;
        this.databases = databases;
        this.keycloak = keycloak;
        this.ownKeycloak = ownKeycloak;
    }

    /** The stack with a Keycloak of its own (deploy/local/run), started first and awaited last: it is the slowest. */
    public static LocalStack start(StackSettings settings) {
        requirePortsFree(settings, EnumSet.allOf(SuiteService.class), true);
        LocalSecrets secrets = LocalSecrets.loadOrCreate(settings.dataDir());
        KeycloakServer keycloak = settings.launchKeycloak(secrets);
        try {
            return start(settings, secrets, keycloak, true);
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
    }

    /**
     * The stack trusting a Keycloak started elsewhere (the end-to-end tests share one for their run); it is not
     * stopped with the stack. The services need it only once a token arrives: they fetch its keys then.
     */
    public static LocalStack start(StackSettings settings, KeycloakServer keycloak) {
        return start(settings, keycloak, EnumSet.allOf(SuiteService.class));
    }

    /** As {@link #start(StackSettings, KeycloakServer)} with only {@code only} of the services (and all the topics). */
    public static LocalStack start(StackSettings settings, KeycloakServer keycloak, Set<SuiteService> only) {
        requirePortsFree(settings, only, false);
        return start(settings, LocalSecrets.loadOrCreate(settings.dataDir()), keycloak, false, only);
    }

    /**
     * Refuses to start beside something that holds one of the stack's ports, such as a stack that is still running:
     * its Keycloak would answer for this one's, with other passwords.
     */
    private static void requirePortsFree(StackSettings settings, Set<SuiteService> only, boolean ownKeycloak) {
        List<String> taken = settings.portsTaken(only, ownKeycloak);
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports in use: " + String.join(", ", taken) + ". Is another stack still"
                    + " running? Stop it, or move this one with PRIVACY_PORT_BASE, PRIVACY_KAFKA_PORT and"
                    + " PRIVACY_KAFKA_CONTROLLER_PORT.");
        }
    }

    private static LocalStack start(StackSettings settings, LocalSecrets secrets, KeycloakServer keycloak, boolean ownKeycloak) {
        return start(settings, secrets, keycloak, ownKeycloak, EnumSet.allOf(SuiteService.class));
    }

    private static LocalStack start(StackSettings settings, LocalSecrets secrets, KeycloakServer keycloak, boolean ownKeycloak,
            Set<SuiteService> only) {
        LocalDatabases databases = LocalDatabases.fromEnvironment();
        for (SuiteService service : only) {
            String name = service.database(settings.databasePrefix());
            if (settings.freshDatabases()) {
                databases.recreate(name);
            } else {
                databases.ensureExists(name);
            }
        }
        // The mail server starts beside the broker rather than after it: its JVM's start was 4 s of the critical
        // path on a 2-core machine (docs/performance.md "The local stack's start").
        MailServer mailServer = MailServer.launch(settings.mailServerJar(), settings.smtpPort(), settings.mailApiPort(),
                settings.dataDir().resolve("logs").resolve("mail-server.log"));
        KraftBroker broker;
        try {
            broker = KraftBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        } catch (RuntimeException e) {
            mailServer.close();
            throw e;
        }
        LocalStack stack = new LocalStack(settings, secrets, broker, databases, keycloak, ownKeycloak);
        stack.mailServer = mailServer;
        try {
            broker.createTopics(Topics.all(), 3);
            mailServer.awaitReady();
            if (StackSettings.externalCrm() && (only.contains(SuiteService.DSR) || only.contains(SuiteService.RETENTION))) {
                stack.startCrm();
            }
            for (int replica = 1; replica <= settings.replicas(); replica++) {
                List<ServiceProcess> started = new ArrayList<>();
                for (SuiteService service : only) {
                    started.add(ServiceProcess.launch(service, settings.serviceJar(service),
                            settings.port(service, replica), settings.logFile(service, replica), stack.environment(service)));
                }
                stack.services.addAll(started);
                for (ServiceProcess service : started) {
                    service.awaitReady(READY_TIMEOUT);
                }
            }
            if (stack.crm != null && only.contains(SuiteService.RETENTION)) {
                stack.feedCrmClocks();
            }
            keycloak.awaitReady();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String url(SuiteService service) {
        return "http://127.0.0.1:" + service.port(settings.portBase());
    }

    /**
     * PRIVACY_EXTERNAL_CRM=1: the stand-in CRM (the tests' Vert.x server, its table {@code crm_customer} in the
     * database {@code <prefix>crm}, recreated at each start with two customers), dsr-service's configuration of it as
     * the external participant {@code crm} and retention-service's as the external system {@code crm} that takes
     * purge orders, each written as one file per property (SmallRye's file-system source, as Kubernetes mounts it),
     * the signing key a new random one each start, the same for both.
     */
    private void startCrm() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        crm = StandInCrm.start(databases, settings.databasePrefix() + "crm", key, settings.crmPort());
        crm.answerLater(true);
        crm.insertCustomer(CRM_DEMO_CUSTOMER, "Jeanne Client", "ORD-2026-0001", 12900);
        crm.retention().insertIdleCustomer(CRM_IDLE_CUSTOMER, "Paul Ancien", "ORD-2019-0042", 4500, CRM_IDLE_SINCE);
        crmConfig = writeConfig("external-config", Map.of(
                "dsr.external.participants.crm.rights", "ERASURE,ACCESS,PORTABILITY",
                "dsr.external.participants.crm.endpoint", crm.endpoint(),
                "dsr.external.participants.crm.signing-key", key,
                "dsr.external.participants.crm.answers", "CALLBACK",
                "dsr.external.participants.crm.answer-within", "PT10M",
                "dsr.external.callback-base", url(SuiteService.DSR)));
        retentionCrmConfig = writeConfig("retention-external-config", Map.of(
                "privacy.retention.external.systems.crm.signing-key", key,
                "privacy.retention.external.systems.crm.categories", "CLIENT_ACTIVE,CLIENT_IDLE,CLIENT_ACCOUNTING",
                "privacy.retention.external.systems.crm.purge-endpoint", crm.purgeEndpoint(),
                "privacy.retention.external.report-base", url(SuiteService.RETENTION)));
    }

    private Path writeConfig(String directory, Map<String, String> properties) {
        try {
            Path dir = settings.dataDir().resolve(directory);
            Files.createDirectories(dir);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                Files.writeString(dir.resolve(p.getKey()), p.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stand-in CRM's configuration in " + directory, e);
        }
    }

    /** Once retention-service is ready, the CRM feeds it its idle customers' CLIENT_IDLE clocks (a fault is only told). */
    private void feedCrmClocks() {
        int status = crm.retention().feedIdleClocks(URI.create(url(SuiteService.RETENTION)));
        if (status != 200) {
            System.err.printf("the stand-in CRM could not feed its clocks to retention-service (HTTP %d)%n", status);
        }
    }

    /** The customer the stand-in CRM holds at start: an erasure for this address leaves the suite and reaches it. */
    public static final String CRM_DEMO_CUSTOMER = "jeanne.client@example.fr";
    /**
     * The idle customer it holds at start: its CLIENT_IDLE period (5 years) ran out long ago, so the first sweep
     * orders it purged, and the order reaches the CRM.
     */
    public static final String CRM_IDLE_CUSTOMER = "paul.ancien@example.fr";
    public static final Instant CRM_IDLE_SINCE = Instant.parse("2019-06-30T00:00:00Z");

    /** The stand-in CRM when PRIVACY_EXTERNAL_CRM=1, else null. */
    public StandInCrm crm() {
        return crm;
    }

    /** The SMTP server contact-service sends through; it keeps every mail it received. */
    public MailServer mailServer() {
        return mailServer;
    }

    /**
     * Starts the privacy office's console at {@code PRIVACY_PORT_BASE} + 5 (8085), trusting the stack's Keycloak and
     * calling this stack's services, and waits until it is ready. Opt-in: deploy/local/run starts it, and the
     * end-to-end classes that drive it; the others do not pay for it. Started once: a second call answers the
     * console already running (the classes of a shared stack each ask for it).
     */
    public synchronized ConsoleProcess startConsole(boolean secureCookies) {
        if (console != null) {
            if (consoleSecureCookies != secureCookies) {
                throw new IllegalStateException("the console runs already, with secure cookies "
                        + consoleSecureCookies);
            }
            return console;
        }
        consoleSecureCookies = secureCookies;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PRIVACY_OIDC_ISSUER", keycloak.realmUrl());
        env.put("PRIVACY_OIDC_ORIGIN", keycloak.baseUrl());
        env.put("CONSOLE_SESSION_SECRET", secrets.consoleSessionSecret());
        env.put("CONSOLE_SECURE_COOKIES", String.valueOf(secureCookies));
        env.put("CONSOLE_CONSENT_URL", url(SuiteService.CONSENT));
        env.put("CONSOLE_CONTACT_URL", url(SuiteService.CONTACT));
        env.put("CONSOLE_DSR_URL", url(SuiteService.DSR));
        env.put("CONSOLE_RETENTION_URL", url(SuiteService.RETENTION));
        console = ConsoleProcess.launch(settings.consoleJar(), settings.consolePort(),
                settings.dataDir().resolve("logs").resolve("console.log"), env);
        console.awaitReady(READY_TIMEOUT);
        return console;
    }

    public ConsoleProcess console() {
        return console;
    }

    public LocalDatabases databases() {
        return databases;
    }

    /** Tokens from the stack's Keycloak, as a script or the auditor gets them. */
    public ControllerTokens tokens() {
        return keycloak.tokens();
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Kills one service's first replica with SIGKILL (kill -9), as a crash; {@link #restart} brings it back. */
    public void kill(SuiteService service) {
        kill(service, 1);
    }

    /** Kills replica {@code replica} (1 for the first) of a service with SIGKILL (kill -9), as a crash. */
    public void kill(SuiteService service, int replica) {
        process(service, replica).kill();
    }

    /** Starts a killed service's first replica again with the same settings and waits until it is ready. */
    public void restart(SuiteService service) {
        restart(service, 1);
    }

    /** Starts a killed replica again with the same settings and waits until it is ready. */
    public void restart(SuiteService service, int replica) {
        ServiceProcess old = process(service, replica);
        ServiceProcess again = old.relaunch();
        services.set(services.indexOf(old), again);
        again.awaitReady(READY_TIMEOUT);
    }

    /**
     * Stops the broker, as an outage of the bus: the services keep running and retry. {@link #startBroker()} starts it
     * again on the same ports and data.
     */
    public void stopBroker() {
        broker.close();
    }

    /** Starts the broker that {@link #stopBroker()} stopped, on the same ports and data, and waits until it answers. */
    public void startBroker() {
        broker = broker.startAgain();
    }

    /**
     * Starts replica {@code replica} (2 or more) of a service on a running stack, with the same settings as the first
     * (its port 100 × (replica − 1) above, the same database and broker), and waits until it is ready. An end-to-end
     * class adds a second replica to the shared stack this way instead of starting a stack of its own.
     */
    public synchronized ServiceProcess startReplica(SuiteService service, int replica) {
        if (replica < 2 || services.stream().anyMatch(s -> s.service() == service && s.port() == settings.port(service, replica))) {
            throw new IllegalArgumentException(service + " replica " + replica + " cannot be started: it is the first or already runs");
        }
        ServiceProcess started = ServiceProcess.launch(service, settings.serviceJar(service), settings.port(service, replica),
                settings.logFile(service, replica), environment(service));
        services.add(started);
        started.awaitReady(READY_TIMEOUT);
        return started;
    }

    /** Stops a replica that {@link #startReplica} started (SIGTERM, as a scale-down) and forgets it. */
    public synchronized void stopReplica(SuiteService service, int replica) {
        ServiceProcess process = process(service, replica);
        process.requestStop();
        process.awaitStop();
        services.remove(process);
    }

    /** Replica {@code replica} (1 for the first) of a service: its process id, to stop or continue it (SIGSTOP, SIGCONT). */
    public ServiceProcess replica(SuiteService service, int replica) {
        return process(service, replica);
    }

    /** Which replica (1 for the first) a process of this stack is. */
    public int replicaOf(ServiceProcess process) {
        return (process.port() - process.service().port(settings.portBase())) / 100 + 1;
    }

    private ServiceProcess process(SuiteService service, int replica) {
        int port = settings.port(service, replica);
        return services.stream().filter(s -> s.service() == service && s.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(service + " replica " + replica + " is not part of this stack"));
    }

    /** Stops every part, each even when stopping another failed; the first failure is thrown at the end. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        if (console != null) {
            stopping(failures, console::close);
        }
        // All at once: each service takes seconds to drain its consumers, and they do not depend on each other.
        services.forEach(service -> stopping(failures, service::requestStop));
        services.forEach(service -> stopping(failures, service::awaitStop));
        if (mailServer != null) {
            stopping(failures, mailServer::close);
        }
        if (crm != null) {
            stopping(failures, crm::close);
        }
        stopping(failures, broker::close);
        if (ownKeycloak) {
            stopping(failures, keycloak::close);
        }
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
            throw failures.get(0);
        }
    }

    private static void stopping(List<RuntimeException> failures, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private Map<String, String> environment(SuiteService service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_HOST", databases.host());
        env.put("DB_PORT", String.valueOf(databases.port()));
        env.put("DB_NAME", service.database(settings.databasePrefix()));
        env.put("DB_USER", databases.user());
        env.put("DB_PASSWORD", databases.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("PRIVACY_SUBJECT_PEPPER", secrets.subjectPepper());
        env.put("PRIVACY_BUS_KEYS", secrets.busKeys());
        env.put("PRIVACY_JWT_PUBLIC_KEY_LOCATION", keycloak.jwksUrl());
        env.put("PRIVACY_JWT_ISSUER", keycloak.realmUrl());
        if (service == SuiteService.CONTACT || service == SuiteService.DSR) {
            // contact-service's acknowledgements and confirmations, dsr-service's identity codes.
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(settings.smtpPort()));
        }
        if (service == SuiteService.CONTACT) {
            env.put("CONTACT_PUBLIC_BASE_URL", url(SuiteService.CONTACT));
            // As behind a reverse proxy on this machine: the rate limit counts the X-Forwarded-For client.
            env.put("PRIVACY_BEHIND_PROXY", "true");
            env.put("PRIVACY_TRUSTED_PROXIES", "127.0.0.1");
        }
        if (service == SuiteService.DSR && crmConfig != null) {
            env.put("SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS", crmConfig.toString());
        }
        if (service == SuiteService.RETENTION && retentionCrmConfig != null) {
            env.put("SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS", retentionCrmConfig.toString());
        }
        env.putAll(settings.serviceEnvironment());
        return env;
    }
}
