import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.LocalStack;
import eu.privacysuite.localstack.StackSettings;
import eu.privacysuite.localstack.SuiteService;

/**
 * Purging N expired prospects (default 1,000,000): the suite's sweep end to end (retention-service orders in
 * batches, contact-service deletes and reports, the ledger settles) beside one SQL DELETE of the same rows, in the
 * same run. Meanwhile the contact form is posted to every 200 ms and the longest open transaction of the contact
 * database is sampled, to show whether the purge blocks the form or holds locks long. Run by bench/purge-million.
 */
public class PurgeMillion {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String batch = System.getenv().getOrDefault("PRIVACY_RETENTION_BATCH_SIZE", "1000");
        Path repo = Path.of(System.getProperty("privacy.repo", ".")).toAbsolutePath();
        String prefix = System.getenv().getOrDefault("PRIVACY_DB_PREFIX", "") + "bench_";
        int portBase = Integer.parseInt(System.getenv().getOrDefault("PRIVACY_PORT_BASE", "28080"));
        Map<String, String> env = Map.of("PRIVACY_RETENTION_GRACE", "PT0S", "PRIVACY_RETENTION_SWEEP_CRON", "off",
                "PRIVACY_RETENTION_BATCH_SIZE", batch, "PRIVACY_RETENTION_REPORT_TIMEOUT", "PT30M");
        Path data = Path.of(System.getenv().getOrDefault("PRIVACY_LOCAL_DATA", "/tmp/privacy-bench")).resolve("purge-million");
        try (LocalStack stack = LocalStack.start(new StackSettings(repo, data, 0, 0, portBase, prefix, true, env))) {
            String contact = prefix + "contact";
            String retention = prefix + "retention";
            System.out.printf("%,d expired prospects, orders of %s records, %d cores shared with the stack; load average"
                    + " (1, 5, 15 min) %s%n", rows, batch, Runtime.getRuntime().availableProcessors(), loadAverage());

            long seed = time(() -> { seedProspects(stack, contact, rows); seedLedger(stack, retention, rows); });
            System.out.printf("seeded prospects and ledger in %.1f s%n", seed / 1e3);
            Probe probe = Probe.start(stack, contact);
            String token = stack.tokens().token(ControllerTokens.CONTROLLER);
            long start = System.nanoTime();
            HttpResponse<String> sweep = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(SuiteService.RETENTION)
                    + "/api/retention/sweeps")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            long ordered = (System.nanoTime() - start) / 1_000_000;
            if (sweep.statusCode() != 200) {
                throw new IllegalStateException("sweep: " + sweep.statusCode() + " " + sweep.body());
            }
            while (count(stack, contact, "select count(*) from prospect where email like 'bench%'") > 0
                    || count(stack, retention, "select count(*) from purge_order where status <> 'REPORTED'") > 0) {
                Thread.sleep(500);
            }
            long total = (System.nanoTime() - start) / 1_000_000;
            Probe.Result during = probe.stop();
            long orders = count(stack, retention, "select count(*) from purge_order");
            long evidence = count(stack, retention, "select coalesce(sum(purged), 0) from purge_evidence");
            System.out.printf("SWEEP  end to end %.1f s (orders written in %.1f s; %,d orders; evidence: %,d purged;"
                    + " ledger left: %,d)%n", total / 1e3, ordered / 1e3, orders, evidence,
                    count(stack, retention, "select count(*) from retention_clock"));
            System.out.println("       contact form during the sweep: " + during);

            seedProspects(stack, contact, rows);
            Probe baselineProbe = Probe.start(stack, contact);
            long delete = time(() -> execute(stack, contact,
                    "delete from prospect where email like 'bench%' and last_contact_at < now() - interval '3 years'"));
            Probe.Result baseline = baselineProbe.stop();
            System.out.printf("DELETE one statement %.1f s%n", delete / 1e3);
            System.out.println("       contact form during the DELETE: " + baseline);
            System.out.println("load average at the end (1, 5, 15 min): " + loadAverage());
        }
    }

    static void seedProspects(LocalStack stack, String db, int rows) {
        execute(stack, db, """
                insert into prospect (id, subject_key, first_name, last_name, email, country, collected_at, last_contact_at)
                select md5('p' || i)::uuid, 'bench-' || i, 'Bench', 'Prospect', 'bench' || i || '@example.org', 'FR',
                       now() - interval '4 years', now() - interval '4 years'
                  from generate_series(1, %d) i
                """.formatted(rows));
        execute(stack, db, "analyze prospect");
    }

    static void seedLedger(LocalStack stack, String db, int rows) {
        execute(stack, db, """
                insert into retention_clock (id, service, category, record_id, subject_key, clock_event, clock_started_at,
                                             due_at, updated_at)
                select md5('c' || i)::uuid, 'contact-service', 'PROSPECT', md5('p' || i)::uuid::text, 'bench-' || i,
                       'COLLECTED', now() - interval '4 years', now() - interval '1 year', now()
                  from generate_series(1, %d) i
                """.formatted(rows));
        execute(stack, db, "analyze retention_clock");
    }

    /** The machine's load when the figures were taken: other work on the cores changes them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static void execute(LocalStack stack, String db, String sql) {
        try (Connection c = stack.databases().connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(LocalStack stack, String db, String sql) {
        try (Connection c = stack.databases().connect(db); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the contact form every 200 ms and samples the contact database's longest open transaction. */
    static final class Probe {

        record Result(int forms, int failed, long p50, long p99, long max, long longestTransactionMs, String longestWhat) {
            @Override
            public String toString() {
                return ("%d forms (%d failed), latency p50 %d ms, p99 %d ms, max %d ms; longest transaction seen %d ms"
                        + " (%s)").formatted(forms, failed, p50, p99, max, longestTransactionMs, longestWhat);
            }
        }

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong failed = new AtomicLong();
        private final Random random = new Random();
        private final AtomicLong longest = new AtomicLong();
        /** The longest transaction's state and the start of its current or last statement (SQL with placeholders). */
        private volatile String longestWhat = "none";
        private final List<Thread> threads = new ArrayList<>();

        static Probe start(LocalStack stack, String db) {
            Probe probe = new Probe();
            probe.threads.add(started(() -> probe.postForms(stack)));
            probe.threads.add(started(() -> probe.sampleTransactions(stack, db)));
            return probe;
        }

        private static Thread started(Runnable work) {
            Thread thread = new Thread(work);
            thread.start();
            return thread;
        }

        private void postForms(LocalStack stack) {
            while (running.get()) {
                String body = """
                        {"firstName":"Probe","lastName":"Form","email":"probe-%s@example.org","country":"FR","message":"bench"}
                        """.formatted(UUID.randomUUID());
                long start = System.nanoTime();
                try {
                    int status = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(SuiteService.CONTACT) + "/api/contact-requests"))
                            .header("Content-Type", "application/json")
                            // One client per post, as many visitors would be: the form's per-client rate limit
                            // (20 per 10 minutes) must not be what the probe measures.
                            .header("X-Forwarded-For", "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), 1 + random.nextInt(254)))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 201) {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                latencies.add((System.nanoTime() - start) / 1_000_000);
                sleep(200);
            }
        }

        private void sampleTransactions(LocalStack stack, String db) {
            String sql = "select (extract(epoch from clock_timestamp() - xact_start) * 1000)::bigint,"
                    + " state || ': ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 90)"
                    + " from pg_stat_activity where datname = '" + db + "' and state <> 'idle' and pid <> pg_backend_pid()"
                    + " and xact_start is not null order by xact_start limit 1";
            try (Connection c = stack.databases().connect(db); Statement s = c.createStatement()) {
                while (running.get()) {
                    try (ResultSet r = s.executeQuery(sql)) {
                        if (r.next() && r.getLong(1) > longest.get()) {
                            longest.set(r.getLong(1));
                            longestWhat = r.getString(2);
                        }
                    }
                    sleep(100);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Result stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
            long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
            long max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
            return new Result(sorted.size(), (int) failed.get(), p50, p99, max, longest.get(), longestWhat);
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
