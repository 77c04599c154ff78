package eu.privacysuite.shared.seal;

/** A sealed field that cannot be opened; the message never contains the field. */
public class SealedFieldException extends RuntimeException {

    public SealedFieldException(String message) {
        super(message);
    }
}
