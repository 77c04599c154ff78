import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.LocalStack;
import eu.privacysuite.localstack.ServiceProcess;
import eu.privacysuite.localstack.StackSettings;
import eu.privacysuite.localstack.SuiteService;
import eu.privacysuite.shared.events.Topics;

/**
 * The fault campaign of issue 16, run by bench/chaos: a local stack of its own with two replicas of each service (its
 * own PostgreSQL cluster, started by bench/chaos, and its own broker), a paced load sent to both replicas in turn
 * (consents, a third of them changed later; contact forms, half confirmed through the mail's link; newsletter
 * subscriptions; data-subject requests of every type on the confirmed subjects, identity verified), faults on a
 * printed schedule, then the accounting: each line expected against found, the exit status non-zero when one fails.
 *
 * <p>The client behaves as a load balancer and a polite client would: a refused connection (a killed replica) goes to
 * the other replica; a 503 is retried after its Retry-After; an answer that never came (a stopped replica) is
 * retried on the other replica and counted as "answer lost" (the write may then be stored once more than
 * acknowledged: the accounting allows at most that many extra rows, and names them).
 */
public class Chaos {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final String[] TYPES = {"ACCESS", "RECTIFICATION", "ERASURE", "PORTABILITY", "RESTRICTION",
            "RESTRICTION_LIFTED", "OBJECTION", "AUTOMATED_DECISION", "POST_MORTEM_DIRECTIVE"};
    static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    // The load, scaled by environment (defaults: the issue's figures).
    static final int CONSENTS = intEnv("CHAOS_CONSENTS", 10_000);
    static final int FORMS = intEnv("CHAOS_FORMS", 2_000);
    static final int NEWSLETTER = intEnv("CHAOS_NEWSLETTER", 500);
    static final int DSRS = intEnv("CHAOS_DSRS", 1_000);
    static final int LOAD_SECONDS = intEnv("CHAOS_LOAD_SECONDS", 420);
    static final int CONCURRENCY = intEnv("CHAOS_CONCURRENCY", 8);
    static final int SETTLE_SECONDS = intEnv("CHAOS_SETTLE_SECONDS", 300);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(intEnv("CHAOS_REQUEST_TIMEOUT_SECONDS", 10));
    static final Duration GIVE_UP = Duration.ofSeconds(180);

    static LocalStack stack;
    static StackSettings settings;
    static final long T0 = System.nanoTime();
    static volatile String phase = "setup";
    static final Map<String, PhaseStats> PHASES = new LinkedHashMap<>(Map.of("setup", new PhaseStats()));
    static final ConcurrentLinkedQueue<String> EVENTS = new ConcurrentLinkedQueue<>();

    // What the suite acknowledged, and what the run could not be sure of.
    static final Map<String, String> proofsAcked = new ConcurrentHashMap<>(); // proof id -> visitor id
    static final AtomicInteger consentAnswerLost = new AtomicInteger();
    static final Map<String, String> formsAcked = new ConcurrentHashMap<>(); // request id -> email
    static final Set<String> confirmedEmails = ConcurrentHashMap.newKeySet();
    static final Set<String> subscriptionsAcked = ConcurrentHashMap.newKeySet();
    static final Set<String> unsubscribedAcked = ConcurrentHashMap.newKeySet();
    static final Map<String, String> dsrAcked = new ConcurrentHashMap<>(); // id -> type
    static final Map<String, Subject> erased = new ConcurrentHashMap<>(); // request id -> subject
    static final Map<Integer, Visitor> visitors = new ConcurrentHashMap<>();
    static final AtomicInteger writesFailed = new AtomicInteger();
    static final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    static final AtomicInteger answers500 = new AtomicInteger();
    static final AtomicInteger refusals503 = new AtomicInteger();
    static final AtomicInteger refusals503WithoutRetryAfter = new AtomicInteger();
    static final AtomicInteger answersLost = new AtomicInteger();
    static final AtomicInteger connectionsRefused = new AtomicInteger();
    static final AtomicInteger formsSent = new AtomicInteger();
    static final AtomicInteger dsrsSent = new AtomicInteger();
    static final AtomicInteger subscriptionsSent = new AtomicInteger();
    static final AtomicInteger outstanding = new AtomicInteger();
    static final AtomicLong taskSeq = new AtomicLong();
    static ThreadPoolExecutor pool;
    static final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
    static volatile String policyVersion;
    static volatile String controllerToken;
    static volatile long tokenAt;
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    record Visitor(String visitorId, String token) {
    }

    record Subject(String email, String lastName, String visitorId, String subjectKey) {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("privacy.repo", ".")).toAbsolutePath().normalize();
        Path work = Path.of(System.getenv("CHAOS_WORK"));
        int base = intEnv("PRIVACY_PORT_BASE", 27080);
        settings = new StackSettings(repo, work.resolve("stack"), intEnv("PRIVACY_KAFKA_PORT", 27092),
                intEnv("PRIVACY_KAFKA_CONTROLLER_PORT", 27093), base, System.getenv().getOrDefault("PRIVACY_DB_PREFIX", "chaos_"),
                true, Map.of(), 2);
        System.out.printf("bench/chaos: %d consents (a third changed later), %d contact forms (half confirmed by the mail's"
                + " link), %d newsletter subscriptions, %d DSRs over %d types; load paced over %d s, %d requests at a time;"
                + " load average %s%n", CONSENTS, FORMS, NEWSLETTER, DSRS, TYPES.length, LOAD_SECONDS, CONCURRENCY, loadAverage());
        long startAt = System.nanoTime();
        System.out.println("Starting the stack: two replicas of each service, ports from " + base + " (second replicas +100) ...");
        stack = LocalStack.start(settings);
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                stack.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(close, "stop-the-stack")); // Ctrl-C stops the services too
        System.out.printf("Stack ready in %d s; load average %s%n", (System.nanoTime() - startAt) / 1_000_000_000, loadAverage());
        int failedLines;
        try {
            failedLines = campaign();
        } finally {
            close.run();
        }
        System.out.printf("%nWhole run %d s. %s%n", (System.nanoTime() - T0) / 1_000_000_000,
                failedLines == 0 ? "Every line holds." : failedLines + " line(s) FAILED.");
        timer.shutdownNow();
        System.exit(failedLines == 0 ? 0 : 1);
    }

    static int campaign() throws Exception {
        policyVersion = JSON.readTree(call(SuiteService.CONSENT, "GET", "/api/policy-versions/current", null, Map.of(), true)
                .body()).get("version").asText();
        List<Fault> faults = faults();
        int gap = LOAD_SECONDS / (faults.size() + 1);
        System.out.println("\nThe fault schedule (seconds after the load starts; a fault comes at the earliest 15 s after the previous one"
                + " recovered, and the load's next part waits for it):");
        for (int k = 0; k < faults.size(); k++) {
            System.out.printf("  t+%3d s  %s%n", gap * (k + 1), faults.get(k).name);
        }
        pool = new ThreadPoolExecutor(CONCURRENCY, CONCURRENCY, 1, TimeUnit.MINUTES, new PriorityBlockingQueue<>());
        long loadStart = System.nanoTime();
        enter("before any fault");
        Thread faultThread = new Thread(() -> runFaults(faults, gap, loadStart), "faults");
        faultThread.start();
        if (faults.size() != FAULT_COUNT) {
            throw new IllegalStateException("the load is cut in FAULT_COUNT + 1 parts");
        }
        feed(loadStart);
        while (outstanding.get() > 0 || pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) {
            Thread.sleep(200);
        }
        faultThread.join();
        enter("end");
        System.out.printf("%n[%s] Load done in %d s; load average %s. Driving the DSRs to their end and letting the outboxes drain ...%n",
                now(), (System.nanoTime() - loadStart) / 1_000_000_000, loadAverage());
        pool.shutdown();
        rateLimitAcrossReplicas();
        Map<String, Integer> retried = driveRequests();
        settle();
        return account(retried);
    }

    // ------------------------------------------------------------------------------------------------ the load

    /** Starts one visitor's chain at the pace that spreads the consents over LOAD_SECONDS. */
    static void feed(long loadStart) throws InterruptedException {
        double perVisitorNanos = LOAD_SECONDS * 1e9 / CONSENTS;
        int formEvery = Math.max(1, CONSENTS / Math.max(1, FORMS));
        int newsletterEvery = Math.max(1, CONSENTS / Math.max(1, NEWSLETTER));
        int segments = FAULT_COUNT + 1;
        long shift = 0; // how long the feeder waited for a fault that came late
        for (int i = 0; i < CONSENTS; i++) {
            // The load of segment k+1 starts once fault k has started: a slow restart does not leave faults without load.
            int segment = (int) ((long) i * segments / CONSENTS);
            if (segment > 0 && faultsStarted.get() < segment) {
                long waitStart = System.nanoTime();
                while (faultsStarted.get() < segment && !faultsOver) {
                    Thread.sleep(100);
                }
                shift += System.nanoTime() - waitStart;
            }
            long due = loadStart + shift + (long) (i * perVisitorNanos);
            while (System.nanoTime() < due) {
                Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
            }
            int visitor = i;
            boolean form = i % formEvery == 0 && formsSent.get() < FORMS;
            int formIndex = form ? formsSent.getAndIncrement() : -1;
            boolean newsletter = i % newsletterEvery == newsletterEvery / 2 && subscriptionsSent.get() < NEWSLETTER;
            int newsletterIndex = newsletter ? subscriptionsSent.getAndIncrement() : -1;
            submit(1, () -> visitorChain(visitor, formIndex));
            if (newsletter) {
                submit(1, () -> subscribe(newsletterIndex));
            }
        }
    }

    static void visitorChain(int i, int formIndex) {
        String decisions = "{\"google-analytics\":" + (i % 2 == 0) + ",\"youtube-video\":" + (i % 4 < 2) + "}";
        Answer a = write(SuiteService.CONSENT, "/api/consents", "{\"site\":\"demo\",\"policyVersion\":\"" + policyVersion
                + "\",\"action\":\"CUSTOM\",\"decisions\":" + decisions + ",\"language\":\"fr\"}", Map.of(), false, 201);
        if (a == null) {
            return;
        }
        JsonNode proof = json(a.body);
        proofsAcked.put(proof.get("id").asText(), proof.get("visitorId").asText());
        Visitor v = new Visitor(proof.get("visitorId").asText(), proof.get("visitorToken").asText());
        visitors.put(i, v);
        if (i % 3 == 0) { // a third of the visitors change their choice later
            later(20 + i % 20, () -> {
                Answer changed = write(SuiteService.CONSENT, "/api/consents", "{\"site\":\"demo\",\"visitorToken\":\"" + v.token
                        + "\",\"policyVersion\":\"" + policyVersion + "\",\"action\":\"" + (i % 2 == 0 ? "REFUSE_ALL" : "ACCEPT_ALL")
                        + "\",\"language\":\"fr\"}", Map.of(), false, 201);
                if (changed != null) {
                    proofsAcked.put(json(changed.body).get("id").asText(), v.visitorId);
                }
            });
        }
        if (formIndex >= 0) {
            contactForm(formIndex, v);
        }
    }

    static void contactForm(int j, Visitor v) {
        String tag = alpha(j);
        Subject s = new Subject("chaos." + RUN + "." + tag + "@example.test", "Chaos" + tag, v.visitorId, null);
        String body = "{\"civility\":\"MS\",\"firstName\":\"Camille\",\"lastName\":\"" + s.lastName + "\",\"email\":\"" + s.email
                + "\",\"country\":\"FR\",\"message\":\"Merci de me rappeler.\",\"visitorId\":\"" + v.visitorId + "\"}";
        Answer a = write(SuiteService.CONTACT, "/api/contact-requests", body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Forwarded-For", clientAddress()), true, 201, 200);
        if (a == null) {
            return;
        }
        formsAcked.put(json(a.body).get("id").asText(), s.email);
        if (j % 2 == 0) {
            later(5, () -> confirm(s, 0));
        }
    }

    /** Reads the acknowledgement from the stack's mail server as she would, opens its link, then presses the button. */
    static void confirm(Subject s, int tries) {
        String link = confirmationLink(s.email);
        if (link == null) {
            if (tries < 60) {
                later(3, () -> confirm(s, tries + 1));
            } else {
                fail("no acknowledgement reached the mailbox of a contact form's address in 180 s");
            }
            return;
        }
        String path = URI.create(link).getPath();
        if (write(SuiteService.CONTACT, path, null, Map.of("Accept", "application/json", "X-Forwarded-For", clientAddress()), true, 200, 404) == null) {
            return;
        }
        confirmedEmails.add(s.email);
        int d = dsrsSent.getAndIncrement();
        if (d < DSRS) {
            later(10, () -> dsr(d, s));
        }
    }

    static void dsr(int d, Subject s) {
        String type = TYPES[d % TYPES.length];
        String extra = switch (type) {
            case "RECTIFICATION" -> ",\"corrections\":{\"phone\":\"+3355369" + String.format("%04d", d % 10_000) + "\"}";
            case "POST_MORTEM_DIRECTIVE" -> ",\"directive\":{\"text\":\"Fermer mes comptes.\",\"trustedThirdParty\":"
                    + "{\"name\":\"Dominique Tiers\",\"email\":\"tiers." + RUN + "." + alpha(d) + "@example.test\"}}";
            default -> "";
        };
        String body = "{\"type\":\"" + type + "\",\"channel\":\"EMAIL\",\"language\":\"fr\",\"subject\":{\"email\":\"" + s.email
                + "\",\"firstName\":\"Camille\",\"lastName\":\"" + s.lastName + "\"}" + extra + "}";
        Answer a = write(SuiteService.DSR, "/api/requests", body, Map.of("Authorization", "Bearer " + token()), true, 201, 200);
        if (a == null) {
            return;
        }
        JsonNode request = json(a.body);
        String id = request.has("duplicateOf") && !request.get("duplicateOf").isNull() ? request.get("duplicateOf").asText()
                : request.get("id").asText();
        dsrAcked.put(id, type);
        if (type.equals("ERASURE")) {
            String key = retrying(() -> text("dsr", "select subject_key from dsr_request where id = '" + id + "'::uuid"));
            erased.put(id, new Subject(s.email, s.lastName, s.visitorId, key));
        }
        write(SuiteService.DSR, "/api/requests/" + id + "/identity", "{\"verified\":true,\"method\":\"DOCUMENT\"}",
                Map.of("Authorization", "Bearer " + token()), true, 200, 409);
    }

    static void subscribe(int k) {
        String email = "news." + RUN + "." + alpha(k) + "@example.test";
        Answer a = write(SuiteService.CONTACT, "/api/newsletter/subscriptions", "{\"email\":\"" + email + "\",\"language\":\"fr\"}",
                Map.of("X-Forwarded-For", clientAddress()), true, 202);
        if (a == null) {
            return;
        }
        subscriptionsAcked.add(email);
        if (k % 10 == 0) {
            later(10, () -> {
                if (write(SuiteService.CONTACT, "/api/newsletter/unsubscriptions", "{\"email\":\"" + email + "\"}",
                        Map.of("X-Forwarded-For", clientAddress()), true, 202) != null) {
                    unsubscribedAcked.add(email);
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------------ the faults

    record Fault(String name, Runnable inject) {
    }

    static List<Fault> faults() {
        List<Fault> faults = new ArrayList<>();
        int[] replicaOf = {1, 2, 1, 2};
        SuiteService[] order = {SuiteService.CONSENT, SuiteService.CONTACT, SuiteService.DSR, SuiteService.RETENTION};
        for (int k = 0; k < order.length; k++) {
            SuiteService service = order[k];
            int replica = replicaOf[k];
            faults.add(new Fault("kill -9 " + service.module() + " #" + replica + ", then its restart", () -> {
                stack.kill(service, replica);
                event("killed " + service.module() + " #" + replica + "; restarting it");
                restartAsAnOrchestratorWould(service, replica);
                event(service.module() + " #" + replica + " ready again");
            }));
        }
        faults.add(new Fault("broker stopped 10 s", () -> {
            stack.stopBroker();
            event("broker stopped");
            sleep(10_000);
            stack.startBroker();
            event("broker started again");
        }));
        faults.add(new Fault("PostgreSQL stopped 10 s", () -> {
            pgCtl("-m", "fast", "-w", "stop");
            event("PostgreSQL stopped");
            sleep(10_000);
            pgCtl("-w", "-t", "60", "-l", System.getenv("CHAOS_WORK") + "/pg.log", "-o", System.getenv("CHAOS_PG_OPTIONS"), "start");
            event("PostgreSQL started again");
        }));
        faults.add(new Fault("retention-service #1 stalled: SIGSTOP 20 s, then SIGCONT", () -> {
            long pid = stack.replica(SuiteService.RETENTION, 1).pid();
            signal("STOP", pid);
            event("retention-service #1 stopped (SIGSTOP)");
            sleep(20_000);
            signal("CONT", pid);
            event("retention-service #1 continued (SIGCONT)");
        }));
        return faults;
    }

    static final int FAULT_COUNT = 7;
    static final AtomicInteger faultsStarted = new AtomicInteger();
    static volatile boolean faultsOver;

    /** Fault k at its time on the schedule, or 15 s after the previous one recovered when that came later. */
    static final AtomicInteger startsFailed = new AtomicInteger();

    /**
     * The replica started again, and again if it fails to start (on a loaded machine its first database connection may
     * time out and Quarkus exits): what Kubernetes does with a pod whose container exits. Three tries.
     */
    static void restartAsAnOrchestratorWould(SuiteService service, int replica) {
        for (int attempt = 1; ; attempt++) {
            try {
                stack.restart(service, replica);
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                startsFailed.incrementAndGet();
                String cause = String.valueOf(e.getMessage()).lines().filter(l -> l.contains("Exception")).reduce((a, b) -> b).orElse("");
                event(service.module() + " #" + replica + " did not start (" + abbreviate(cause.strip()) + "); starting it again");
                stack.kill(service, replica);
            }
        }
    }

    static void runFaults(List<Fault> faults, int gap, long loadStart) {
        long recovered = loadStart;
        for (int k = 0; k < faults.size(); k++) {
            long due = Math.max(loadStart + (long) gap * (k + 1) * 1_000_000_000L, recovered + 15_000_000_000L);
            while (System.nanoTime() < due) {
                sleep(200);
            }
            faultsStarted.incrementAndGet();
            Fault fault = faults.get(k);
            enter("during: " + fault.name);
            event("fault " + (k + 1) + ": " + fault.name);
            try {
                fault.inject.run();
                awaitAllReady(Duration.ofSeconds(180));
                event("every replica ready");
            } catch (RuntimeException e) {
                fail("fault " + fault.name + " could not be injected or recovered: " + e.getMessage());
            }
            enter("after: " + fault.name);
            recovered = System.nanoTime();
        }
        faultsOver = true;
    }

    static void awaitAllReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ServiceProcess p : stack.services()) {
            while (true) {
                try {
                    int status = HTTP.send(HttpRequest.newBuilder(URI.create(p.managementUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(p.service().module() + " on " + p.port() + " not ready after " + timeout);
                }
                sleep(500);
            }
        }
    }

    static void pgCtl(String... args) {
        List<String> command = new ArrayList<>();
        if ("0".equals(System.getenv("CHAOS_UID"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(System.getenv("CHAOS_PG_BIN") + "/pg_ctl");
        command.addAll(List.of("-D", System.getenv("CHAOS_WORK") + "/pg"));
        command.addAll(List.of(args));
        run(command);
    }

    static void signal(String signal, long pid) {
        run(List.of("kill", "-" + signal, Long.toString(pid)));
    }

    static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ the client

    record Answer(int status, String body) {
    }

    static final Map<SuiteService, AtomicInteger> TURN = new ConcurrentHashMap<>();

    /**
     * A write as a client behind a load balancer makes it: both replicas in turn, a refused connection sent to the other
     * replica, a 503 retried after its Retry-After, a lost answer retried (a retry of a write that was not idempotent
     * is counted for the accounting). Returns the answer when its status is one of {@code ok}, else null (counted).
     */
    static Answer write(SuiteService service, String path, String body, Map<String, String> headers, boolean idempotent, int... ok) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        boolean lost = false;
        while (System.nanoTime() < deadline) {
            Answer a;
            try {
                a = send(service, body == null ? "POST-EMPTY" : "POST", path, body, headers);
            } catch (ConnectException e) {
                connectionsRefused.incrementAndGet();
                continue; // the other replica, at once: the turn has moved on
            } catch (HttpTimeoutException e) {
                answersLost.incrementAndGet();
                if (!idempotent && !lost) {
                    consentAnswerLost.incrementAndGet();
                }
                lost = true;
                continue;
            } catch (IOException e) {
                answersLost.incrementAndGet();
                if (!idempotent && !lost) {
                    consentAnswerLost.incrementAndGet();
                }
                lost = true;
                sleep(200);
                continue;
            }
            for (int code : ok) {
                if (a.status == code) {
                    return a;
                }
            }
            if (a.status == 503) {
                continue; // waited in send()
            }
            if (a.status == 404 && lost && path.startsWith("/api/confirmations/")) {
                return a; // the lost answer had confirmed: the link is used
            }
            writesFailed.incrementAndGet();
            fail(service.module() + " answered " + a.status + " to POST " + template(path) + ": " + abbreviate(a.body));
            return null;
        }
        writesFailed.incrementAndGet();
        fail(service.module() + ": POST " + template(path) + " not accepted within " + GIVE_UP.toSeconds() + " s");
        return null;
    }

    /** One exchange with the next replica in turn, recorded in the current phase. */
    static Answer send(SuiteService service, String method, String path, String body, Map<String, String> headers) throws IOException {
        int replica = Math.floorMod(TURN.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement(), 2) + 1;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.port(service, replica) + path))
                .timeout(REQUEST_TIMEOUT);
        headers.forEach(builder::header);
        switch (method) {
            case "GET" -> builder.GET();
            case "POST-EMPTY" -> builder.POST(HttpRequest.BodyPublishers.noBody());
            default -> builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        PhaseStats stats = current();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (IOException e) {
            // A refused connection is not an answer: counted, not timed (the client goes to the other replica at once).
            stats.record(e instanceof ConnectException ? "refused" : e instanceof HttpTimeoutException ? "no answer" : "io error",
                    e instanceof ConnectException ? -1 : (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
        stats.record(Integer.toString(response.statusCode()), (System.nanoTime() - start) / 1_000_000);
        if (response.statusCode() == 500) {
            answers500.incrementAndGet();
        }
        if (response.statusCode() == 503) {
            refusals503.incrementAndGet();
            var retryAfter = response.headers().firstValue("Retry-After");
            if (retryAfter.isEmpty() || !retryAfter.get().matches("\\d+")) {
                refusals503WithoutRetryAfter.incrementAndGet();
                sleep(1000);
            } else {
                sleep(Math.min(5, Long.parseLong(retryAfter.get())) * 1000);
            }
        }
        return new Answer(response.statusCode(), response.body());
    }

    /** A read of the run's own (the policy version): retried like a write. */
    static Answer call(SuiteService service, String method, String path, String body, Map<String, String> headers, boolean any)
            throws IOException {
        return send(service, method, path, body, headers);
    }

    static String confirmationLink(String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.mailApiPort()
                    + "/api/user/" + address + "/messages/INBOX/")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode mails = JSON.readTree(response.body());
            for (JsonNode mail : mails) {
                String raw = mail.get("mimeMessage").asText().replace("=\r\n", "").replace("=3D", "=");
                var m = java.util.regex.Pattern.compile("http://\\S+/api/confirmations/[A-Za-z0-9_-]+").matcher(raw);
                if (m.find()) {
                    return m.group();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static synchronized String token() {
        if (controllerToken == null || System.nanoTime() - tokenAt > Duration.ofMinutes(5).toNanos()) {
            controllerToken = stack.tokens().token(ControllerTokens.CONTROLLER);
            tokenAt = System.nanoTime();
        }
        return controllerToken;
    }

    static final AtomicInteger clients = new AtomicInteger();

    /** A client address of its own for each post (documentation range): the per-client rate limit stays out of it. */
    static String clientAddress() {
        int n = clients.incrementAndGet();
        return "2001:db8::" + Integer.toHexString(n >> 16) + ":" + Integer.toHexString(n & 0xffff);
    }

    // ------------------------------------------------------------------------------------------------ the end

    static volatile String rateLimitFound = "not run";
    static volatile boolean rateLimitHolds;

    /** 30 forms from one client, to both replicas in turn: the shared allowance lets 20 through in all, then 429. */
    static void rateLimitAcrossReplicas() {
        String client = "2001:db8:ffff::" + RUN.length();
        Map<Integer, Map<Integer, Integer>> byReplica = new TreeMap<>();
        for (int n = 0; n < 30; n++) {
            int replica = n % 2 + 1;
            String email = "limit." + RUN + "." + alpha(n) + "@example.test";
            String body = "{\"civility\":\"MX\",\"firstName\":\"Alex\",\"lastName\":\"Limite\",\"email\":\"" + email
                    + "\",\"country\":\"FR\",\"message\":\"Bonjour\"}";
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + settings.port(SuiteService.CONTACT, replica) + "/api/contact-requests")).timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                byReplica.computeIfAbsent(replica, k -> new TreeMap<>()).merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 201) {
                    formsAcked.put(json(r.body()).get("id").asText(), email);
                }
            } catch (IOException e) {
                byReplica.computeIfAbsent(replica, k -> new TreeMap<>()).merge(0, 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int allowed = byReplica.values().stream().mapToInt(m -> m.getOrDefault(201, 0)).sum();
        int refused = byReplica.values().stream().mapToInt(m -> m.getOrDefault(429, 0)).sum();
        rateLimitHolds = allowed == 20 && refused == 10;
        rateLimitFound = allowed + " allowed, " + refused + " refused (by replica: " + byReplica + ")";
    }

    /** Every DSR to COMPLETED: NEEDS_ATTENTION is re-driven (POST .../retry) with its reason noted. */
    static Map<String, Integer> driveRequests() {
        Map<String, Integer> reasons = new TreeMap<>();
        Set<String> retriedOnce = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(SETTLE_SECONDS).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> status = retrying(() -> statuses());
            long open = status.values().stream().filter(s -> !s.equals("COMPLETED")).count();
            List<String> attention = status.entrySet().stream().filter(e -> e.getValue().equals("NEEDS_ATTENTION")).map(Map.Entry::getKey).toList();
            for (String id : attention) {
                String reason = retrying(() -> text("dsr", "select string_agg(participant || ': ' || coalesce(reason, status), '; ')"
                        + " from participant_task where request_id = '" + id + "'::uuid and status <> 'DONE'"));
                reasons.merge(reason == null ? "(no reason given)" : reason.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"), 1, Integer::sum);
                try {
                    Answer a = send(SuiteService.DSR, "POST-EMPTY", "/api/requests/" + id + "/retry",
                            null, Map.of("Authorization", "Bearer " + token()));
                    if (a.status != 200) {
                        fail("retry of a DSR in NEEDS_ATTENTION answered " + a.status + ": " + abbreviate(a.body));
                    }
                    retriedOnce.add(id);
                } catch (IOException e) {
                    // next round
                }
            }
            if (open == 0) {
                break;
            }
            sleep(2000);
        }
        reasons.put("__requests re-driven", retriedOnce.size());
        return reasons;
    }

    static Map<String, String> statuses() throws SQLException {
        Map<String, String> status = new HashMap<>();
        try (Connection c = stack.databases().connect(db("dsr")); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id, status from dsr_request")) {
            while (r.next()) {
                if (dsrAcked.containsKey(r.getString(1))) {
                    status.put(r.getString(1), r.getString(2));
                }
            }
        }
        return status;
    }

    /** Until every outbox and mail outbox is empty and the counts stop moving for 5 s (at most SETTLE_SECONDS). */
    static void settle() {
        String last = "";
        int stable = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(SETTLE_SECONDS).toNanos();
        while (System.nanoTime() < deadline && stable < 5) {
            String snapshot = retrying(() -> count("contact", "select count(*) from outbox_event") + " "
                    + count("consent", "select count(*) from outbox_event") + " " + count("dsr", "select count(*) from outbox_event") + " "
                    + count("retention", "select count(*) from outbox_event") + " " + count("contact", "select count(*) from outgoing_mail") + " "
                    + count("dsr", "select count(*) from outgoing_mail") + " " + count("retention", "select count(*) from retention_clock") + " "
                    + count("consent", "select count(*) from visitor_link"));
            stable = snapshot.equals(last) && snapshot.startsWith("0 0 0 0 0 0 ") ? stable + 1 : 0;
            last = snapshot;
            sleep(1000);
        }
        System.out.printf("[%s] settled: outboxes (contact consent dsr retention), mail outboxes (contact dsr), clocks, links: %s%n",
                now(), last);
    }

    static int failedLines = 0;

    static void line(String what, Object expected, Object found, boolean holds) {
        if (!holds) {
            failedLines++;
        }
        System.out.printf("  %-4s %-78s expected %-12s found %s%n", holds ? "ok" : "FAIL", what, expected, found);
    }

    static int account(Map<String, Integer> retried) throws Exception {
        System.out.printf("%n== The accounting (load average %s) ==%n", loadAverage());
        Set<String> erasedVisitors = new HashSet<>();
        Set<String> erasedEmails = new HashSet<>();
        erased.values().forEach(s -> {
            erasedVisitors.add(s.visitorId);
            erasedEmails.add(s.email);
        });

        // Consent proofs: each acknowledged one stored once, unless its visitor was erased with the subject.
        Set<String> storedProofs = set("consent", "select id::text from consent_proof where action <> 'OBJECTION'");
        long expectedProofs = proofsAcked.values().stream().filter(v -> !erasedVisitors.contains(v)).count();
        long foundProofs = proofsAcked.entrySet().stream().filter(e -> !erasedVisitors.contains(e.getValue()))
                .filter(e -> storedProofs.contains(e.getKey())).count();
        long unacked = storedProofs.stream().filter(id -> !proofsAcked.containsKey(id)).count();
        line("consent proofs: every 201 stored (erased visitors' aside)", expectedProofs, foundProofs, expectedProofs == foundProofs);
        line("consent proofs stored that no 201 acknowledged (at most the consents whose answer was lost)",
                "<= " + consentAnswerLost.get(), unacked, unacked <= consentAnswerLost.get());

        // Contact requests, by id; prospects, one per confirmed address.
        Set<String> storedRequests = set("contact", "select id::text from contact_request");
        long expectedRequests = formsAcked.values().stream().filter(e -> !erasedEmails.contains(e)).count();
        long foundRequests = formsAcked.entrySet().stream().filter(e -> !erasedEmails.contains(e.getValue()))
                .filter(e -> storedRequests.contains(e.getKey())).count();
        line("contact requests: every 201 stored once (erased subjects' aside)", expectedRequests, foundRequests,
                expectedRequests == foundRequests);
        long requestsUnacked = storedRequests.stream().filter(id -> !formsAcked.containsKey(id)).count();
        line("contact requests stored that no 201 acknowledged", 0, requestsUnacked, requestsUnacked == 0);
        Map<String, Long> prospectsByEmail = countsBy("contact", "select email, count(*) from prospect group by email");
        long expectedProspects = confirmedEmails.stream().filter(e -> !erasedEmails.contains(e)).count();
        long foundProspects = confirmedEmails.stream().filter(e -> !erasedEmails.contains(e) && prospectsByEmail.getOrDefault(e, 0L) == 1).count();
        line("prospects: one per confirmed address (erased subjects' aside)", expectedProspects, foundProspects
                + " (" + prospectsByEmail.size() + " in all)", expectedProspects == foundProspects && prospectsByEmail.size() == expectedProspects);
        Map<String, Long> subscriptionsByEmail = countsBy("contact", "select email, count(*) from newsletter_subscription group by email");
        long foundSubscriptions = subscriptionsAcked.stream().filter(e -> subscriptionsByEmail.getOrDefault(e, 0L) == 1).count();
        line("newsletter subscriptions: every 202 stored once", subscriptionsAcked.size(), foundSubscriptions
                + " (" + subscriptionsByEmail.size() + " addresses)", foundSubscriptions == subscriptionsAcked.size()
                && subscriptionsByEmail.size() == subscriptionsAcked.size());
        Map<String, String> dsrStatus = retrying(Chaos::statuses);
        long dsrRows = count("dsr", "select count(*) from dsr_request");
        line("DSRs: every 201 stored once", dsrAcked.size() + " (" + DSRS + " sent)", dsrStatus.size() + " (" + dsrRows + " rows)",
                dsrStatus.size() == dsrAcked.size() && dsrRows == dsrAcked.size() && dsrAcked.size() == Math.min(DSRS, confirmedEmails.size()));
        Map<String, Long> byType = new TreeMap<>();
        dsrAcked.values().forEach(t -> byType.merge(t, 1L, Long::sum));
        line("DSR types exercised", TYPES.length, byType.size() + " " + byType, byType.size() == TYPES.length);

        // Retention clocks: every stored record has its clock.
        Set<String> consentClocks = set("retention", "select record_id from retention_clock where category = 'COOKIE_CONSENT'");
        Set<String> prospectClocks = set("retention", "select record_id from retention_clock where category = 'PROSPECT'");
        Set<String> newsletterClocks = set("retention", "select record_id from retention_clock where category = 'NEWSLETTER'");
        Set<String> allProofs = set("consent", "select id::text from consent_proof");
        Set<String> allRequests = set("contact", "select id::text from contact_request");
        Set<String> allProspects = set("contact", "select id::text from prospect");
        Set<String> unsubscribed = set("contact", "select id::text from newsletter_subscription where status = 'UNSUBSCRIBED'");
        clockLine("consent proofs with their COOKIE_CONSENT clock", allProofs, consentClocks);
        clockLine("contact requests with their PROSPECT clock", allRequests, prospectClocks);
        clockLine("prospects with their PROSPECT clock", allProspects, prospectClocks);
        clockLine("unsubscribed subscriptions with their NEWSLETTER clock (" + unsubscribedAcked.size() + " unsubscribed)",
                unsubscribed, newsletterClocks);
        Set<String> live = new HashSet<>(allProofs);
        live.addAll(allRequests);
        live.addAll(allProspects);
        live.addAll(unsubscribed);
        long orphans = 0;
        for (String id : concat(consentClocks, prospectClocks, newsletterClocks)) {
            if (!live.contains(id)) {
                orphans++;
            }
        }
        line("clocks of records that are gone (COOKIE_CONSENT, PROSPECT, NEWSLETTER)", 0, orphans, orphans == 0);

        // DSRs: every one COMPLETED, re-driven where it needed attention.
        Map<String, Long> statusCounts = new TreeMap<>();
        dsrStatus.values().forEach(s -> statusCounts.merge(s, 1L, Long::sum));
        line("DSRs COMPLETED", dsrAcked.size(), statusCounts, statusCounts.getOrDefault("COMPLETED", 0L) == dsrAcked.size());
        int redriven = retried.remove("__requests re-driven");
        line("DSRs in NEEDS_ATTENTION with a reason, re-driven by the run", "any", redriven + (retried.isEmpty() ? "" : " " + retried),
                !retried.containsKey("(no reason given)"));

        // Erased subjects: nothing of them in any database or topic.
        List<String> needles = new ArrayList<>();
        for (Subject s : erased.values()) {
            needles.add(s.email.toLowerCase(Locale.ROOT));
            needles.add(s.lastName.toLowerCase(Locale.ROOT));
            if (s.subjectKey != null) {
                needles.add(s.subjectKey.toLowerCase(Locale.ROOT));
            }
        }
        List<String> consentNeedles = new ArrayList<>(needles); // the visitor ids are checked by time, below
        List<String> dbNeedles = new ArrayList<>(needles);
        erased.values().forEach(s -> dbNeedles.add(s.visitorId));
        // On the topics: the person's data (address, names). The subject key is a keyed hash that events carry in
        // their envelope by design (ARCHITECTURE.md); it stays on the topics until their retention ends: counted apart.
        List<String> keys = erased.values().stream().filter(s -> s.subjectKey != null).map(s -> s.subjectKey.toLowerCase(Locale.ROOT)).toList();
        needles.removeAll(keys);
        // A visitor's browser may choose again after the erasure, with its signed visitorToken: a new proof, its chain
        // starting again at 1, linked to nobody. What the erasure must leave is no proof given before it deleted the
        // visitor's proofs (the latest erased_at of the acknowledged proofs of the visitor that consent-service erased),
        // and no link.
        Map<String, String> erasedAt = pairs("consent", "select proof_id::text, erased_at::text from proof_erasure");
        long before = 0, after = 0, links = 0, notErased = 0;
        for (Subject subject : erased.values()) {
            String visitor = subject.visitorId;
            String at = proofsAcked.entrySet().stream().filter(e -> e.getValue().equals(visitor)).map(e -> erasedAt.get(e.getKey()))
                    .filter(java.util.Objects::nonNull).max(String::compareTo).orElse(null);
            if (at == null) {
                notErased++;
                continue;
            }
            before += count("consent", "select count(*) from consent_proof where visitor_id = '" + visitor + "'::uuid and given_at <= '" + at + "'::timestamptz");
            after += count("consent", "select count(*) from consent_proof where visitor_id = '" + visitor + "'::uuid and given_at > '" + at + "'::timestamptz");
            links += count("consent", "select count(*) from visitor_link where visitor_id = '" + visitor + "'::uuid");
        }
        line("erased subjects' visitors: none without erased proofs; proofs given before the erasure; links", "0, 0, 0",
                notErased + ", " + before + ", " + links, notErased == 0 && before == 0 && links == 0);
        System.out.printf("  info %-78s %s%n", "proofs the erased subjects' browsers gave after the erasure (new choices, linked to nobody)", after);
        for (String service : List.of("consent", "contact", "retention", "dsr")) {
            List<String> hits = traces(everyRow(db(service)), service.equals("consent") ? consentNeedles : dbNeedles);
            line("erased subjects (" + erased.size() + ") left in the " + service + " database", 0, hits.size()
                    + (hits.isEmpty() ? "" : " e.g. " + abbreviate(hits.get(0))), hits.isEmpty());
        }
        Map<String, Long> topicCounts = new TreeMap<>();
        List<String> topicHits = new ArrayList<>();
        List<String> keyHits = new ArrayList<>();
        readTopics(topicCounts, topicHits, needles, keyHits, keys);
        line("erased subjects left in any topic (" + topicCounts.values().stream().mapToLong(Long::longValue).sum() + " records read)",
                0, topicHits.size() + (topicHits.isEmpty() ? "" : " e.g. " + abbreviate(topicHits.get(0))), topicHits.isEmpty());
        System.out.printf("  info %-78s %s%n", "records on the topics that carry an erased subject's key (pseudonymous, by design)", keyHits.size());
        long dlq = topicCounts.entrySet().stream().filter(e -> e.getKey().endsWith(".dlq")).mapToLong(Map.Entry::getValue).sum();
        Map<String, Long> dlqDetail = new TreeMap<>();
        topicCounts.forEach((t, n) -> {
            if (t.endsWith(".dlq") && n > 0) {
                dlqDetail.put(t, n);
            }
        });
        line("records in any DLQ", 0, dlq + (dlqDetail.isEmpty() ? "" : " " + dlqDetail), dlq == 0);
        long parked = count("contact", "select count(*) from outbox_event") + count("consent", "select count(*) from outbox_event")
                + count("dsr", "select count(*) from outbox_event") + count("retention", "select count(*) from outbox_event");
        line("events left in the outboxes (parked or unsent)", 0, parked, parked == 0);
        line("rate limit across the two contact-service replicas: 30 forms from one client", "20 allowed, 10 refused",
                rateLimitFound, rateLimitHolds);
        line("answers of 500", 0, answers500.get(), answers500.get() == 0);
        line("refusals (503) with Retry-After", refusals503.get(), refusals503.get() - refusals503WithoutRetryAfter.get(),
                refusals503WithoutRetryAfter.get() == 0);
        line("writes not accepted in the end (other answers, or none for 180 s)", 0, writesFailed.get(), writesFailed.get() == 0);
        line("the run's own failures (mails not received, faults not recovered)", 0, failures.size(), failures.isEmpty());
        failures.stream().distinct().limit(15).forEach(f -> System.out.println("        " + f));
        System.out.printf("  (replica starts that failed and were tried again: %d)%n", startsFailed.get());
        System.out.printf("  (connections refused and sent to the other replica: %d; answers lost and retried: %d, of them consents: %d)%n",
                connectionsRefused.get(), answersLost.get(), consentAnswerLost.get());

        System.out.println("\n== Each phase ==");
        System.out.printf("  %-72s %6s %8s %8s %8s  %s%n", "phase", "s", "req/s", "p50 ms", "p99 ms",
                "answers by status (refused: connections refused, sent to the other replica; no answer: none in 10 s)");
        synchronized (PHASES) {
            for (var e : PHASES.entrySet()) {
                System.out.println("  " + e.getValue().summary(e.getKey()));
            }
        }
        System.out.println("\n== The run's events ==");
        EVENTS.forEach(e -> System.out.println("  " + e));
        return failedLines;
    }

    static void clockLine(String what, Set<String> records, Set<String> clocks) {
        long with = records.stream().filter(clocks::contains).count();
        line(what, records.size(), with, with == records.size());
    }

    @SafeVarargs
    static Set<String> concat(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    static List<String> traces(List<String> rows, List<String> needles) {
        List<String> hits = new ArrayList<>();
        for (String row : rows) {
            String lower = row.toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                if (lower.contains(needle)) {
                    hits.add(row);
                    break;
                }
            }
        }
        return hits;
    }

    static void readTopics(Map<String, Long> counts, List<String> hits, List<String> needles, List<String> keyHits, List<String> keys) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : Topics.all()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long n = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        n++;
                        String text = (r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8)) + " "
                                + (r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8));
                        hits.addAll(traces(List.of(topic + ": " + text), needles));
                        keyHits.addAll(traces(List.of(topic + ": " + text), keys));
                    }
                }
                counts.put(topic, n);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ phases

    static final class PhaseStats {
        final long startNanos = System.nanoTime();
        volatile long endNanos;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicInteger> codes = new ConcurrentHashMap<>();

        void record(String code, long millis) {
            if (millis >= 0) {
                latencies.add(millis);
            }
            codes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        }

        String summary(String name) {
            double seconds = ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
            long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
            Map<String, Integer> c = new TreeMap<>();
            codes.forEach((k, v) -> c.put(k, v.get()));
            return String.format("%-72s %6.0f %8.1f %8d %8d  %s", name, seconds, sorted.size() / Math.max(seconds, 0.001), p50, p99, c);
        }
    }

    static void enter(String name) {
        synchronized (PHASES) {
            PhaseStats previous = PHASES.get(phase);
            if (previous != null) {
                previous.endNanos = System.nanoTime();
            }
            phase = name;
            if (!name.equals("end")) {
                PHASES.put(name, new PhaseStats());
            }
        }
    }

    static PhaseStats current() {
        synchronized (PHASES) {
            PhaseStats stats = PHASES.get(phase);
            return stats != null ? stats : PHASES.computeIfAbsent("after the load", n -> new PhaseStats());
        }
    }

    static void event(String what) {
        String line = now() + " (load " + loadAverage() + ") " + what;
        EVENTS.add(line);
        System.out.println("[" + line.replaceFirst(" ", "] "));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A task of the pool: follow-ups (priority 0) before new visitors (1), first come first served within each. */
    record Task(int priority, long seq, Runnable work) implements Runnable, Comparable<Task> {
        @Override
        public void run() {
            try {
                work.run();
            } catch (RuntimeException e) {
                fail("a task failed: " + e);
            } finally {
                outstanding.decrementAndGet();
            }
        }

        @Override
        public int compareTo(Task o) {
            return priority != o.priority ? Integer.compare(priority, o.priority) : Long.compare(seq, o.seq);
        }
    }

    static void submit(int priority, Runnable work) {
        outstanding.incrementAndGet();
        pool.execute(new Task(priority, taskSeq.incrementAndGet(), work));
    }

    static void later(int seconds, Runnable work) {
        outstanding.incrementAndGet();
        timer.schedule(() -> {
            submit(0, work);
            outstanding.decrementAndGet();
        }, seconds, TimeUnit.SECONDS);
    }

    static void fail(String what) {
        failures.add(what);
    }

    interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** A database read of the run's, retried through a PostgreSQL outage. */
    static <T> T retrying(SqlCall<T> call) {
        SQLException last = null;
        for (int i = 0; i < 60; i++) {
            try {
                return call.call();
            } catch (SQLException e) {
                last = e;
                sleep(1000);
            }
        }
        throw new IllegalStateException(last);
    }

    static String db(String service) {
        return settings.databasePrefix() + service;
    }

    static long count(String service, String sql) throws SQLException {
        try (Connection c = stack.databases().connect(db(service)); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String text(String service, String sql) throws SQLException {
        try (Connection c = stack.databases().connect(db(service)); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    static Set<String> set(String service, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection c = stack.databases().connect(db(service)); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    static Map<String, String> pairs(String service, String sql) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection c = stack.databases().connect(db(service)); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.put(r.getString(1), r.getString(2));
            }
        }
        return values;
    }

    static Map<String, Long> countsBy(String service, String sql) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Connection c = stack.databases().connect(db(service)); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.put(r.getString(1).toLowerCase(Locale.ROOT), r.getLong(2));
            }
        }
        return values;
    }

    static List<String> everyRow(String database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = stack.databases().connect(database); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select schemaname || '.' || tablename from pg_tables"
                    + " where schemaname not in ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select t::text from " + table + " t")) {
                    while (rs.next()) {
                        rows.add(table + ": " + rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON", e);
        }
    }

    /** Five letters for an index: names and addresses that no other one contains. */
    static String alpha(int n) {
        char[] c = new char[5];
        for (int i = 4; i >= 0; i--) {
            c[i] = (char) ('a' + n % 26);
            n /= 26;
        }
        return new String(c);
    }

    static String template(String path) {
        return path.replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27}", "/{id}").replaceAll("/confirmations/.*", "/confirmations/{token}");
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    static String now() {
        return HMS.format(Instant.now());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
