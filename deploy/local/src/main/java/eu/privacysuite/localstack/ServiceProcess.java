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
import java.util.concurrent.TimeUnit;

/** One service of the suite, run from its Quarkus build as a child process with its log in the data directory. */
public final class ServiceProcess {

    private final SuiteService service;
    private final Path jar;
    private final int port;
    private final Path log;
    private final Map<String, String> env;
    private final Process process;

    private ServiceProcess(SuiteService service, Path jar, int port, Path log, Map<String, String> env, Process process) {
        this.service = service;
        this.jar = jar;
        this.port = port;
        this.log = log;
        this.env = Map.copyOf(env);
        this.process = process;
    }

    public static ServiceProcess launch(SuiteService service, Path jar, int port, Path log, Map<String, String> env) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite first (./mvnw install -DskipTests)");
        }
        try {
            Files.createDirectories(log.getParent());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(ServiceJvm.options(jar));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(service.managementPort(port)));
            // Off in the prod profile (Kubernetes); on the local stack a developer may want it.
            builder.environment().put("QUARKUS_SWAGGER_UI_ENABLE", "true");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new ServiceProcess(service, jar, port, log, env, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module(), e);
        }
    }

    /** The same service again, same jar, port, log and environment: after a crash, or a stop. */
    public ServiceProcess relaunch() {
        return launch(service, jar, port, log, env);
    }

    /** SIGKILL (kill -9), as a crash: no shutdown hook runs, nothing is drained or committed on the way out. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The operating system's id of the process. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public SuiteService service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Health, metrics and OpenAPI: the management interface, on a port of its own. */
    public String managementUrl() {
        return "http://127.0.0.1:" + service.managementPort(port);
    }

    /** Waits until /q/health/ready (management port) answers 200; fails with the end of the service's log when it dies or times out. */
    public void awaitReady(Duration timeout) {
        if (!Readiness.await(process, URI.create(managementUrl() + "/q/health/ready"), timeout, Duration.ofMillis(500),
                service.module(), () -> ":\n" + logTail())) {
            throw new IllegalStateException(service.module() + " not ready after " + timeout + ":\n" + logTail());
        }
    }

    /** SIGTERM, so Quarkus shuts down gracefully. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits for the service to stop after {@link #requestStop()}; forced only if it does not stop in time. */
    public void awaitStop() {
        ChildProcesses.awaitStop(process);
    }

    public String logTail() {
        return ChildProcesses.logTail(log);
    }
}
