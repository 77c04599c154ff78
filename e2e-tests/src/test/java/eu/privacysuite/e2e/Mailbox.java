package eu.privacysuite.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import eu.privacysuite.localstack.LocalStack;

/** The local mail server's mailboxes, read as a person reads their mail: the newest mail's confirmation link. */
final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CONFIRMATION = Pattern.compile("http://\\S+/api/confirmations/[A-Za-z0-9_-]+");

    private Mailbox() {
    }

    /** Waits for a mail to the address and confirms it as she would: opening the link shows a button, pressing it confirms. */
    static void confirmAddress(LocalStack stack, String address) {
        String link = Eventually.until("the acknowledgement in the mailbox of " + address, Duration.ofSeconds(60),
                () -> confirmationLink(stack, address.toLowerCase(Locale.ROOT)), l -> l != null);
        int opened = send(HttpRequest.newBuilder(URI.create(link)).GET().build()).statusCode();
        if (opened != 200) {
            throw new AssertionError("opening the confirmation link: " + opened);
        }
        HttpResponse<String> confirmed = send(HttpRequest.newBuilder(URI.create(link))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (confirmed.statusCode() != 200) {
            throw new AssertionError("confirming: " + confirmed.statusCode() + " " + confirmed.body());
        }
    }

    /** The confirmation link of the newest mail the local mail server holds for the address, or null. */
    static String confirmationLink(LocalStack stack, String address) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(
                stack.mailServer().apiUrl() + "/api/user/" + address + "/messages/INBOX/")).GET().build());
        if (response.statusCode() != 200) {
            return null;
        }
        JsonNode mails = SuiteHttp.json(response.body());
        if (!mails.isArray() || mails.isEmpty()) {
            return null;
        }
        // The body is quoted-printable: join its soft line breaks before reading the link.
        String raw = mails.get(mails.size() - 1).get("mimeMessage").asText().replace("=\r\n", "").replace("=3D", "=");
        Matcher link = CONFIRMATION.matcher(raw);
        return link.find() ? link.group() : null;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
