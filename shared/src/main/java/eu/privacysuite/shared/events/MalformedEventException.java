package eu.privacysuite.shared.events;

/** An event that can never be processed: retrying is useless, it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
