package eu.privacysuite.contact.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.contact.domain.ConfirmationToken;
import eu.privacysuite.contact.domain.ConfirmationTokenRepository;
import eu.privacysuite.shared.problem.ProblemException;

/** Single-use, expiring tokens for the links sent by mail. The link holds the token; the database its hash. */
@ApplicationScoped
public class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** What {@link #random()} makes: 32 bytes in unpadded base64url. Anything else is refused before any lookup. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ConfirmationTokenRepository tokens;
    private final Clock clock;

    public Tokens(ConfirmationTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new random token (256 bits, base64url) for the record; returns the token itself, which is not stored. */
    @Transactional(TxType.MANDATORY)
    public String issue(ConfirmationToken.Purpose purpose, UUID recordId, String subjectKey, Duration ttl) {
        String token = random();
        ConfirmationToken row = new ConfirmationToken();
        row.tokenHash = hash(token);
        row.purpose = purpose;
        row.recordId = recordId;
        row.subjectKey = subjectKey;
        row.expiresAt = Instant.now(clock).plus(ttl);
        tokens.persist(row);
        return token;
    }

    /** Uses the token up: it works once, and not after it expired. */
    @Transactional(TxType.MANDATORY)
    public ConfirmationToken consume(String token) {
        String hash = isWellFormed(token) ? hash(token) : null;
        ConfirmationToken row = hash == null ? null : tokens.findById(hash);
        // The bulk delete waits for a concurrent use of the same token, then finds nothing left.
        if (row == null || tokens.delete("tokenHash", hash) == 0) {
            throw new ProblemException(Status.NOT_FOUND, "This link is not valid or was already used.");
        }
        if (row.expiresAt.isBefore(Instant.now(clock))) {
            throw new ProblemException(Status.GONE, "This link has expired.");
        }
        return row;
    }

    /** Whether the text has the shape of a token this service makes (a link's token, unsubscribe's too). */
    public static boolean isWellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** A random value for links that are not single-use (unsubscribe). */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
