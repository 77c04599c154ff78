package eu.privacysuite.shared.events;

/**
 * An event that is bad in itself (unparseable, invalid, of another type or an unreadable version): retrying is
 * useless, it goes to the dead-letter topic with this message as its reason, so the message never quotes the
 * event's content. Anything else a consumer throws is a fault and is retried.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        // No stack trace: a bad message is expected input, not a bug to trace.
        super(message, null, false, false);
    }
}
