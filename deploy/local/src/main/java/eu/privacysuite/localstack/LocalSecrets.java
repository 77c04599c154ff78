package eu.privacysuite.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The local stack's secrets, made at first start and kept in its data directory (never in git): the subject
 * pepper, the bus key that seals fields, and the realm's credentials that Keycloak imports (the scripts client's
 * secret, the controller's and the auditor's passwords) with the password of Keycloak's own admin. A secret missing
 * from an older data directory is made and added. The token signing key pair of earlier versions is deleted: the
 * tokens come from Keycloak now.
 */
public final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Function<SecureRandom, String>> MADE_AT_FIRST_START = Map.of(
            "subject-pepper", r -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(r, 32)),
            "bus-keys", r -> "local1:" + Base64.getEncoder().encodeToString(bytes(r, 32)),
            "keycloak-admin-password", LocalSecrets::password,
            "scripts-client-secret", LocalSecrets::password,
            "controller-password", LocalSecrets::password,
            "auditor-password", LocalSecrets::password,
            "console-session-secret", r -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(r, 32)));

    private final Path dir;
    private final Properties values = new Properties();

    private LocalSecrets(Path dir) {
        this.dir = dir;
    }

    public static synchronized LocalSecrets loadOrCreate(Path dataDir) {
        LocalSecrets secrets = new LocalSecrets(dataDir.resolve("secrets"));
        try {
            Files.createDirectories(secrets.dir);
            Path file = secrets.dir.resolve("secrets.properties");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.values.load(in);
                }
            }
            boolean added = false;
            for (Map.Entry<String, Function<SecureRandom, String>> secret : MADE_AT_FIRST_START.entrySet()) {
                if (secrets.values.getProperty(secret.getKey()) == null) {
                    secrets.values.setProperty(secret.getKey(), secret.getValue().apply(RANDOM));
                    added = true;
                }
            }
            if (added) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    secrets.values.store(out, "secrets of the local stack; never commit");
                }
                restrict(file);
            }
            Files.deleteIfExists(secrets.dir.resolve("jwt-private.pem"));
            Files.deleteIfExists(secrets.dir.resolve("jwt-public.pem"));
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the local secrets in " + secrets.dir, e);
        }
    }

    public String subjectPepper() {
        return values.getProperty("subject-pepper");
    }

    public String busKeys() {
        return values.getProperty("bus-keys");
    }

    public String keycloakAdminPassword() {
        return values.getProperty("keycloak-admin-password");
    }

    public String scriptsClientSecret() {
        return values.getProperty("scripts-client-secret");
    }

    public String controllerPassword() {
        return values.getProperty("controller-password");
    }

    public String auditorPassword() {
        return values.getProperty("auditor-password");
    }

    /** The console's key for its session and CSRF cookies (32 random bytes). */
    public String consoleSessionSecret() {
        return values.getProperty("console-session-secret");
    }

    private static String password(SecureRandom random) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, 18));
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own protection has to do.
        }
    }
}
