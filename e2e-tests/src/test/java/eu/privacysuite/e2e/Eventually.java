package eu.privacysuite.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for something the suite does asynchronously (over Kafka), and fails saying what did not happen. */
final class Eventually {

    static <T> T until(String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError(what + " did not happen within " + timeout + "; last seen: " + last);
    }

    private Eventually() {
    }
}
