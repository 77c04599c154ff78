package eu.privacysuite.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * The local stack's secrets, made at first start and kept in its data directory (never in git): the subject
 * pepper, the bus key that seals fields, and the RSA key pair whose public half dsr-service trusts.
 */
public final class LocalSecrets {

    private final Path dir;
    private final Properties values = new Properties();

    private LocalSecrets(Path dir) {
        this.dir = dir;
    }

    public static LocalSecrets loadOrCreate(Path dataDir) {
        LocalSecrets secrets = new LocalSecrets(dataDir.resolve("secrets"));
        try {
            Files.createDirectories(secrets.dir);
            Path file = secrets.dir.resolve("secrets.properties");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.values.load(in);
                }
            } else {
                SecureRandom random = new SecureRandom();
                secrets.values.setProperty("subject-pepper", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, 32)));
                secrets.values.setProperty("bus-keys", "local1:" + Base64.getEncoder().encodeToString(bytes(random, 32)));
                try (OutputStream out = Files.newOutputStream(file)) {
                    secrets.values.store(out, "secrets of the local stack; never commit");
                }
                restrict(file);
            }
            if (!Files.exists(secrets.publicKeyFile())) {
                secrets.writeKeyPair();
            }
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

    public Path publicKeyFile() {
        return dir.resolve("jwt-public.pem");
    }

    public PrivateKey signingKey() {
        try {
            String pem = Files.readString(dir.resolve("jwt-private.pem"));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("no signing key: start the local stack once first (deploy/local/run)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key in " + dir + " is damaged", e);
        }
    }

    private void writeKeyPair() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateKey = dir.resolve("jwt-private.pem");
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            restrict(privateKey);
            Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
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
