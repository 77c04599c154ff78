package eu.privacysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.privacysuite.localstack.ServiceProcess;
import eu.privacysuite.localstack.SuiteService;

/**
 * Two real contact-service JVMs sharing one database and one broker: the shared stack's replica and a second one this
 * class starts beside it ({@code LocalStack.startReplica}, port 100 above the first) and stops after it. The contact
 * form's rate limit holds across the two: 20 posts per client per window in total, whichever replica takes them, then
 * 429 with Retry-After in problem+json from either. A scheduled job runs once per period across the two: the
 * holds-and-tokens sweep, every {@value SharedSuite#CONTACT_SWEEP_INTERVAL} on the shared stack, counted on both
 * replicas' metrics ({@code privacy.job.runs}).
 */
class TwoReplicasIT extends AcrossTheSuite {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String SWEEP = "contact-holds-and-tokens-sweep";
    private static final Duration PERIOD = Duration.parse("PT" + SharedSuite.CONTACT_SWEEP_INTERVAL);

    private ServiceProcess first;
    private ServiceProcess second;

    @BeforeAll
    void startASecondContactService() {
        first = stack.replica(SuiteService.CONTACT, 1);
        second = stack.startReplica(SuiteService.CONTACT, 2);
    }

    @AfterAll
    void stopTheSecondContactService() {
        if (second != null) {
            stack.stopReplica(SuiteService.CONTACT, 2);
        }
    }

    @Test
    void theContactFormsRateLimitHoldsAcrossTheTwoJvms() {
        String client = "2001:db8:2e2e::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        // Each replica takes every other post: 10 each. A limit per JVM would allow each 20.
        for (int n = 1; n <= 20; n++) {
            HttpResponse<String> answer = postForm(n % 2 == 1 ? first : second, client);
            assertEquals(201, answer.statusCode(), "post " + n + ": " + answer.body());
        }
        for (ServiceProcess replica : List.of(first, second, first, second)) {
            HttpResponse<String> refused = postForm(replica, client);
            assertEquals(429, refused.statusCode(), "replica on port " + replica.port() + ": " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    refused.headers().toString());
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter > 0, "Retry-After: " + retryAfter);
        }
        String another = "2001:db8:2e2f::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        assertEquals(201, postForm(second, another).statusCode(), "another client has an allowance of its own");
    }

    @Test
    void theScheduledSweepRunsOncePerPeriodAcrossTheTwoJvms() throws InterruptedException {
        // The second replica's scheduler fires the sweep for the first time 30 s after its start.
        Eventually.until("the second replica's scheduler fired the sweep", Duration.ofSeconds(90),
                () -> runs(second, "ran") + runs(second, "skipped"), n -> n >= 1);
        long ran1 = runs(first, "ran");
        long skipped1 = runs(first, "skipped");
        long ran2 = runs(second, "ran");
        long skipped2 = runs(second, "skipped");
        Instant from = Instant.now();
        Thread.sleep(PERIOD.multipliedBy(8).toMillis());
        long ran = runs(first, "ran") - ran1 + runs(second, "ran") - ran2;
        long firedFirst = runs(first, "ran") + runs(first, "skipped") - ran1 - skipped1;
        long firedSecond = runs(second, "ran") + runs(second, "skipped") - ran2 - skipped2;
        Duration window = Duration.between(from, Instant.now());
        String seen = "in " + window + ": " + ran + " run(s); firings: " + firedFirst + " on the first replica, "
                + firedSecond + " on the second";

        assertTrue(firedFirst >= 6 && firedSecond >= 6, "both schedulers fire every period: " + seen);
        // Of the two firings of each period one runs (one more at the window's edges); without the shared record both
        // would, but for the few that meet the other's lock: 13 or so (measured with the period check taken out).
        assertTrue(ran <= (firedFirst + firedSecond) / 2 + 2, seen);
        // Once per period: the replica that runs the job fires every period, and the other's firings fall within it.
        assertTrue(ran <= window.toMillis() / PERIOD.toMillis() + 2, seen);
        assertTrue(ran >= 6, "the sweep still runs every period: " + seen);
        assertEquals(1, db.count(prefix + "contact", "select count(*) from job_run where job = ?"
                + " and last_run_at > now() - interval '1 minute'", SWEEP), "one record of the job's last run");
    }

    private static HttpResponse<String> postForm(ServiceProcess replica, String client) {
        String body = """
                {"civility":"MX","firstName":"Alex","lastName":"Limite","email":"limit.%s@example.org",
                 "country":"FR","message":"Bonjour"}""".formatted(UUID.randomUUID());
        return send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/contact-requests"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** privacy.job.runs of the sweep on one replica, for one outcome; 0 before its first firing. */
    private static long runs(ServiceProcess replica, String outcome) {
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(replica.managementUrl() + "/q/metrics"))
                .header("Accept", "text/plain").GET().build());
        assertEquals(200, metrics.statusCode());
        Pattern line = Pattern.compile("^privacy_job_runs_total\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE);
        Matcher m = line.matcher(metrics.body());
        while (m.find()) {
            if (m.group(1).contains("job=\"" + SWEEP + "\"") && m.group(1).contains("outcome=\"" + outcome + "\"")) {
                return (long) Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
