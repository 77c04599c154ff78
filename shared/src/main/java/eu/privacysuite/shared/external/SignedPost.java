package eu.privacysuite.shared.external;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * One signed POST to a system outside the suite (decision 0043), and how the suite reads what came of it, the same
 * for dsr-service's commands and retention-service's purge orders: an answer the system gave (a 2xx, or a refusal:
 * a 4xx but 408 and 429) is the system's word; no answer, a timeout, a 5xx, 408, 429, 1xx or 3xx is a fault to retry.
 * The JDK's {@link HttpClient} follows no redirect.
 */
public final class SignedPost {

    /** What came of the exchange. */
    public sealed interface Outcome permits Answer, Fault {
    }

    /** The system answered: its status (a 2xx or a refusal) and at most {@code maxAnswerBytes + 1} of its body. */
    public record Answer(int status, byte[] body) implements Outcome {
    }

    /** The exchange failed in a way worth trying again: what went wrong, for the record (never a body). */
    public record Fault(String what) implements Outcome {
    }

    private SignedPost() {
    }

    /** The client both senders share the settings of: no redirect, 10 s to connect. */
    public static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Posts {@code body} to {@code endpoint}, signed with {@code key} at {@code now}, and says what came of it. */
    public static Outcome send(HttpClient http, URI endpoint, Duration timeout, String key, byte[] body, Instant now,
            int maxAnswerBytes) {
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header(ExternalSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(ExternalSignature.SIGNATURE_HEADER, ExternalSignature.sign(key, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status;
        byte[] answer;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (InputStream in = response.body()) {
                answer = in.readNBytes(maxAnswerBytes + 1);
            }
        } catch (HttpTimeoutException e) {
            return new Fault("timeout after " + timeout);
        } catch (IOException e) {
            return new Fault(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fault("interrupted");
        }
        return (status >= 200 && status < 300) || refusal(status) ? new Answer(status, answer)
                : new Fault("HTTP " + status);
    }

    /** A 4xx is the system's refusal, but 408 (Request Timeout) and 429 (Too Many Requests), which are faults. */
    public static boolean refusal(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
