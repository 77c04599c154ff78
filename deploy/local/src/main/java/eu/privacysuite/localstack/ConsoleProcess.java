package eu.privacysuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The privacy office's console (module console) as a child process: signed in through the stack's Keycloak, calling
 * the four services with the user's token. It keeps no data, so it needs neither a database nor the broker.
 */
public final class ConsoleProcess implements AutoCloseable {

    /** The console listens 5 above the base: 8085 by default; its health 1000 above that. */
    public static final int PORT_OFFSET = 5;

    private final int port;
    private final Path log;
    private final Process process;

    private ConsoleProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ConsoleProcess launch(Path jar, int port, Path log, Map<String, String> env) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite first (./mvnw package -DskipTests)");
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ServiceJvm.options(jar));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(port + 1000));
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new ConsoleProcess(port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the console", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    void awaitReady(Duration timeout) {
        if (!Readiness.await(process, URI.create("http://127.0.0.1:" + (port + 1000) + "/q/health/ready"), timeout,
                Duration.ofMillis(500), "console", () -> ":\n" + logTail())) {
            throw new IllegalStateException("console not ready after " + timeout + ":\n" + logTail());
        }
    }

    @Override
    public void close() {
        process.destroy();
        ChildProcesses.awaitStop(process);
    }

    private String logTail() {
        return ChildProcesses.logTail(log);
    }
}
