package eu.privacysuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server that keeps every mail it receives (GreenMail standalone, from Maven Central), run as a child
 * process like the services. Its API lists the mails of an address:
 * {@code GET /api/user/{address}/messages/INBOX/}; its web page is the API's root.
 */
public final class MailServer implements AutoCloseable {

    private final int smtpPort;
    private final int apiPort;
    private final Process process;

    private MailServer(int smtpPort, int apiPort, Process process) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.process = process;
    }

    /**
     * Starts the mail server and returns at once, so that the stack starts the broker meanwhile; {@link #awaitReady()}
     * waits for it.
     */
    public static MailServer launch(Path jar, int smtpPort, int apiPort, Path log) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite first (./mvnw install -DskipTests)");
        }
        try {
            Files.createDirectories(log.getParent());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                    "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                    // Any recipient gets a mailbox on first delivery; nobody logs in to send.
                    "-Dgreenmail.auth.disabled", "-jar", jar.toString()));
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new MailServer(smtpPort, apiPort, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mail server", e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Where to read what it received (web page and REST API). */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** Waits until it answers (a minute at most); stops it and fails otherwise. */
    public void awaitReady() {
        Duration timeout = Duration.ofMinutes(1);
        if (!Readiness.await(process, URI.create(apiUrl() + "/api/service/readiness"), timeout, Duration.ofMillis(300),
                "the mail server", () -> "")) {
            close();
            throw new IllegalStateException("the mail server was not ready after " + timeout);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
