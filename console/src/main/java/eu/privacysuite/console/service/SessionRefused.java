package eu.privacysuite.console.service;

/**
 * A service refused the signed-in user's token (401), as it does once the key that signed it is removed from the
 * realm: the console ends its own session and opens the page again, which signs the user in again at the identity
 * provider (without a password while their session there holds). At most once a minute per browser, marked by
 * {@link #MARKER}: a token refused just after such a sign-in is not a stale one, and its 401 is shown as the service
 * sent it instead of signing in again in a loop.
 */
public final class SessionRefused extends RuntimeException {

    /** The cookie that marks a sign-in the console has just asked for after a refusal. */
    public static final String MARKER = "console_signed_in_again";
    public static final int MARKER_SECONDS = 60;

    SessionRefused() {
        super("a service refused the session's token", null, false, false);
    }
}
