package eu.privacysuite.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the stack does alike for each process it launches: read the end of its log, and stop it. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The last 40 lines of a process's log, for an error message. */
    static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /**
     * Stops every process {@code parent} started, directly or not, that is still running: SIGTERM to each, then
     * SIGKILL to those still running 30 s later (a Keycloak still booting does not always answer SIGTERM). Again
     * until none is left, for a process launched while this ran.
     */
    static void stopAll(ProcessHandle parent) {
        for (int round = 0; round < 3; round++) {
            List<ProcessHandle> running = parent.descendants().filter(ProcessHandle::isAlive).toList();
            if (running.isEmpty()) {
                return;
            }
            running.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (ProcessHandle process : running) {
                try {
                    long left = Math.max(0, deadline - System.nanoTime());
                    process.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    process.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }

    /** Waits for a process asked to stop (SIGTERM) to end; forced only if it does not end within 30 s. */
    static void awaitStop(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
