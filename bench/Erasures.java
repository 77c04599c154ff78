import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.LocalStack;
import eu.privacysuite.localstack.StackSettings;
import eu.privacysuite.localstack.SuiteService;

/**
 * Issue 15's "1,000 ERASUREs verified at once across the suite", run by bench/erasures: a local stack of its own
 * (production JVM settings), N subjects who each sent a contact form, N ERASURE requests recorded for them, then all
 * their identities verified as fast as the controller's API takes them. Each request's latency is dsr-service's own
 * record of it: {@code completed_at − identity_verified_at} (every participant acted and confirmed over the broker);
 * the throughput is N over the time from the first verification to the last completion.
 *
 * <p>The baseline, on the same broker in the same run: a bare Kafka round trip of N messages sent at once — produce
 * to a request topic, a responder in a consumer group consumes each and produces a reply, the sender consumes the
 * reply — with the suite's producer settings (acks=all, idempotence) and the suite's partition count (3). An erasure
 * is at least two such round trips (dsr's command to the participants; their replies) plus each participant's
 * transaction, so the bar is a p99 within 5× the bare round trip's.
 */
public class Erasures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int N = intEnv("BENCH_ERASURES", 1000);
    static final int CONCURRENCY = intEnv("BENCH_CONNECTIONS", 16);
    static final int WARMUP = intEnv("BENCH_WARMUP", 200);
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    static LocalStack stack;
    static StackSettings settings;
    static final AtomicInteger clients = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("privacy.repo", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("privacy-erasures");
        int base = intEnv("PRIVACY_PORT_BASE", 26080);
        settings = new StackSettings(repo, work, intEnv("PRIVACY_KAFKA_PORT", 26092), intEnv("PRIVACY_KAFKA_CONTROLLER_PORT", 26093),
                base, System.getenv().getOrDefault("PRIVACY_DB_PREFIX", "erasures_"), true, Map.of(), 1);
        System.out.printf("bench/erasures: %d ERASUREs verified at once, %d at a time; JVM %s; load average %s%n", N, CONCURRENCY,
                System.getenv().getOrDefault("PRIVACY_JVM", "(stack default)"), loadAverage());
        stack = LocalStack.start(settings);
        int exit;
        try {
            exit = run();
        } finally {
            stack.close();
        }
        System.exit(exit);
    }

    record Round(long completed, Map<String, Long> byStatus, double[] latencies, double spanMillis) {
    }

    static int run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        if (WARMUP > 0) {
            Round warm = round(pool, WARMUP, "warm-up");
            System.out.printf("warm-up: %d ERASUREs %s in %.1f s (not counted)%n", WARMUP, warm.byStatus, warm.spanMillis / 1000);
        }
        Round r = round(pool, N, "measured");
        quiet();
        System.out.printf("the bare Kafka round trip, %d messages at once (load average %s)%n", N, loadAverage());
        double[] bare = kafkaRoundTrips(pool);
        pool.shutdownNow();

        double bareSpan = bare[0];
        double[] bareLatencies = Arrays.copyOfRange(bare, 1, bare.length);
        Arrays.sort(bareLatencies);
        System.out.printf("%n| figure | the suite | bare Kafka round trip, same run | ratio |%n|---|---|---|---|%n");
        System.out.printf("| %d requests / messages at once | %d COMPLETED of %d | %d replies of %d | – |%n", N, r.completed, N,
                bareLatencies.length, N);
        System.out.printf("| throughput | %.0f /s | %.0f /s | %.3f |%n", N * 1000 / r.spanMillis, N * 1000 / bareSpan,
                bareSpan / r.spanMillis);
        System.out.printf("| p50 | %.0f ms | %.0f ms | %.1f× |%n", pct(r.latencies, 50), pct(bareLatencies, 50),
                pct(r.latencies, 50) / pct(bareLatencies, 50));
        System.out.printf("| p99 | %.0f ms | %.0f ms | %.1f× (goal ≤ 5×) |%n", pct(r.latencies, 99), pct(bareLatencies, 99),
                pct(r.latencies, 99) / pct(bareLatencies, 99));
        System.out.printf("load average at the end %s%n", loadAverage());
        return r.completed == N && bareLatencies.length == N ? 0 : 1;
    }

    /** {@code count} subjects with a contact form each, an ERASURE for each, every identity verified at once. */
    static Round round(ExecutorService pool, int count, String label) throws Exception {
        String token = stack.tokens().token(ControllerTokens.CONTROLLER);
        // The subjects: a contact form each (a client address of its own, the per-client rate limit aside).
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            emails.add("erasure." + RUN + "." + label + "." + i + "@example.test");
        }
        all(pool, emails, email -> post(SuiteService.CONTACT, "/api/contact-requests", "{\"civility\":\"MS\",\"firstName\":\"Camille\","
                + "\"lastName\":\"Efface\",\"email\":\"" + email + "\",\"country\":\"FR\",\"message\":\"Merci de me rappeler.\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Forwarded-For", clientAddress()), 201));

        // The requests, then every identity verified as fast as the API takes them.
        List<String> ids = new ArrayList<>(all(pool, emails, email -> JSON.readTree(post(SuiteService.DSR, "/api/requests",
                "{\"type\":\"ERASURE\",\"channel\":\"EMAIL\",\"language\":\"fr\",\"subject\":{\"email\":\"" + email
                        + "\",\"firstName\":\"Camille\",\"lastName\":\"Efface\"}}", Map.of("Authorization", "Bearer " + token), 201))
                .get("id").asText()));
        quiet();
        System.out.printf("%s: %d subjects and %d ERASURE requests recorded; verifying every identity now (load average %s)%n",
                label, emails.size(), ids.size(), loadAverage());
        Map<String, Long> cpuBefore = cpuOfServices();
        long verifyStart = System.nanoTime();
        all(pool, ids, id -> post(SuiteService.DSR, "/api/requests/" + id + "/identity", "{\"verified\":true,\"method\":\"DOCUMENT\"}",
                Map.of("Authorization", "Bearer " + token), 200));
        System.out.printf("  verified in %d ms%n", (System.nanoTime() - verifyStart) / 1_000_000);

        String idList = String.join(",", ids.stream().map(id -> "'" + id + "'::uuid").toList());
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Map<String, Long> byStatus;
        do {
            Thread.sleep(500);
            byStatus = countsBy("select status, count(*) from dsr_request where id in (" + idList + ") group by status");
        } while (byStatus.getOrDefault("COMPLETED", 0L) < count && !byStatus.containsKey("NEEDS_ATTENTION")
                && System.nanoTime() < deadline);
        Map<String, Long> cpuAfter = cpuOfServices();
        double[] latencies = millis("select extract(epoch from (completed_at - identity_verified_at)) * 1000 from dsr_request"
                + " where status = 'COMPLETED' and id in (" + idList + ")");
        Arrays.sort(latencies);
        double span = millis("select extract(epoch from (max(completed_at) - min(identity_verified_at))) * 1000 from dsr_request"
                + " where id in (" + idList + ")")[0];
        System.out.printf("  %s; load average %s%n", byStatus, loadAverage());
        // CPU time is what a request costs whatever else runs on the machine; wall-clock latency is not.
        System.out.println("  CPU used from the first verification to the last completion, per request (user + system):");
        cpuAfter.forEach((name, ticks) -> System.out.printf("    %-18s %6.1f ms%n", name,
                (ticks - cpuBefore.getOrDefault(name, 0L)) * 1000.0 / TICKS / count));
        return new Round(byStatus.getOrDefault("COMPLETED", 0L), byStatus, latencies, span);
    }

    /**
     * N messages produced at once to a request topic; a responder in a consumer group answers each on a reply topic;
     * the sender reads the replies. Returns [span ms, latency ms of each reply...].
     */
    static double[] kafkaRoundTrips(ExecutorService pool) throws Exception {
        String requests = "bench-roundtrip-requests-" + RUN, replies = "bench-roundtrip-replies-" + RUN;
        Properties admin = new Properties();
        admin.put("bootstrap.servers", stack.bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(requests, 3, (short) 1), new NewTopic(replies, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", stack.bootstrapServers());
        producerProps.put("acks", "all");
        producerProps.put("enable.idempotence", "true");
        producerProps.put("key.serializer", ByteArraySerializer.class.getName());
        producerProps.put("value.serializer", ByteArraySerializer.class.getName());
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> repliedAt = new ConcurrentHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps);
                KafkaProducer<byte[], byte[]> responderOut = new KafkaProducer<>(producerProps);
                KafkaConsumer<byte[], byte[]> responder = consumer("bench-responder-" + RUN, requests);
                KafkaConsumer<byte[], byte[]> sender = consumer("bench-sender-" + RUN, replies)) {
            awaitAssignment(responder);
            awaitAssignment(sender);
            Future<?> respond = pool.submit(() -> {
                while (!Thread.currentThread().isInterrupted() && repliedAt.size() < N) {
                    for (ConsumerRecord<byte[], byte[]> r : responder.poll(Duration.ofMillis(50))) {
                        responderOut.send(new ProducerRecord<>(replies, r.key(), r.value()));
                    }
                    responder.commitAsync();
                }
                return null;
            });
            long start = System.nanoTime();
            for (int i = 0; i < N; i++) {
                String key = Integer.toString(i);
                sentAt.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(requests, key.getBytes(), ("{\"requestId\":\"" + key + "\"}").getBytes()));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (repliedAt.size() < N && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : sender.poll(Duration.ofMillis(50))) {
                    repliedAt.putIfAbsent(new String(r.key()), System.nanoTime());
                }
            }
            long end = repliedAt.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
            respond.cancel(true);
            double[] out = new double[1 + repliedAt.size()];
            out[0] = (end - start) / 1e6;
            int k = 1;
            for (var e : repliedAt.entrySet()) {
                out[k++] = (e.getValue() - sentAt.get(e.getKey())) / 1e6;
            }
            return out;
        }
    }

    static final long TICKS = 100; // USER_HZ on Linux

    /** Each service's process, the broker (this JVM) and PostgreSQL's backends: CPU ticks so far. */
    static Map<String, Long> cpuOfServices() throws IOException {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (var p : stack.services()) {
            out.merge(p.service().module(), ticks(p.pid()), Long::sum);
        }
        out.put("broker and bench", ticks(ProcessHandle.current().pid()));
        long pg = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(d.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.startsWith("postgres")) {
                        pg += ticks(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // a backend that ended meanwhile
                }
            }
        }
        out.put("PostgreSQL (all)", pg);
        return out;
    }

    static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    static KafkaConsumer<byte[], byte[]> consumer(String group, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.bootstrapServers());
        p.put("group.id", group);
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(topic));
        return c;
    }

    static void awaitAssignment(KafkaConsumer<byte[], byte[]> c) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (c.assignment().isEmpty() && System.nanoTime() < deadline) {
            c.poll(Duration.ofMillis(100));
        }
    }

    interface Call<T> {
        T call(String item) throws Exception;
    }

    static <T> List<T> all(ExecutorService pool, List<String> items, Call<T> call) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (String item : items) {
            futures.add(pool.submit(() -> call.call(item)));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    /** A POST that must answer {@code expected}; anything else stops the run (a figure over errors is no figure). */
    static String post(SuiteService service, String path, String body, Map<String, String> headers, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.port(service, 1) + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(service.module() + " answered " + r.statusCode() + " to POST " + path.replaceAll(
                    "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}") + " (expected " + expected + "): " + r.body());
        }
        return r.body();
    }

    static Map<String, Long> countsBy(String sql) throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (Connection c = stack.databases().connect(settings.databasePrefix() + "dsr"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2));
            }
        }
        return out;
    }

    static double[] millis(String sql) throws Exception {
        List<Double> out = new ArrayList<>();
        try (Connection c = stack.databases().connect(settings.databasePrefix() + "dsr"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getDouble(1));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Waits until the machine settles after the set-up (at most 60 s), as bench/run does before a figure. */
    static void quiet() throws Exception {
        for (int i = 0; i < 20 && busyPercent() > 15; i++) {
            // busyPercent sleeps 3 s
        }
    }

    static int busyPercent() throws Exception {
        long[] a = cpu();
        Thread.sleep(3000);
        long[] b = cpu();
        long total = 0;
        for (int i = 0; i < a.length; i++) {
            total += b[i] - a[i];
        }
        long idle = (b[3] - a[3]) + (b[4] - a[4]);
        return total == 0 ? 0 : (int) (100 * (total - idle) / total);
    }

    static long[] cpu() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] v = new long[8];
        for (int i = 0; i < 8; i++) {
            v[i] = Long.parseLong(f[i + 1]);
        }
        return v;
    }

    static String clientAddress() {
        int n = clients.incrementAndGet();
        return "2001:db8::" + Integer.toHexString(n >> 16) + ":" + Integer.toHexString(n & 0xffff);
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }

    static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
    }
}
