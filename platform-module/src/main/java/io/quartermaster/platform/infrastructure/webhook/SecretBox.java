package io.quartermaster.platform.infrastructure.webhook;

import io.quartermaster.platform.domain.webhook.WebhookSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the secrets the server must be able to use again — webhook signing secrets: an HMAC
 * needs the secret itself, so unlike passwords and API keys it cannot be stored hashed. They
 * are sealed with AES-256-GCM under a key that is not in the database ({@code QM_SECRETS_KEY},
 * 32 bytes in base64; or, for a machine that runs everything itself, a key the first start
 * writes to {@code <QM_DATA_DIR>/secrets.key}, readable by its owner only). A copy of the
 * database alone signs nothing. Each sealed value is bound to the row it belongs to (the
 * associated data), so sealed secrets cannot be swapped between subscriptions.
 */
@ApplicationScoped
public class SecretBox implements WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
    private static final String VERSION = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "qm.secrets.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "qm.data.dir")
    Optional<String> dataDir;

    private SecretKey key;
    private String unavailable;

    @PostConstruct
    void init() {
        try {
            if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
                key = keyFrom(configuredKey.get().trim(), "QM_SECRETS_KEY");
            } else if (dataDir.isPresent() && !dataDir.get().isBlank()) {
                key = keyFrom(keyFile(Path.of(dataDir.get())), "QM_DATA_DIR/secrets.key");
            } else {
                unavailable = "Webhooks need a key to keep their signing secrets: set QM_SECRETS_KEY "
                        + "(32 random bytes in base64, the same on every instance, e.g. from `openssl rand -base64 32`).";
                LOG.warning(unavailable);
            }
        } catch (IllegalArgumentException | IOException e) {
            unavailable = "The key for webhook signing secrets is unusable: " + e.getMessage();
            LOG.severe(unavailable);
        }
    }

    @Override
    public String unavailable() {
        return unavailable;
    }

    @Override
    public String seal(String secret, String boundTo) {
        requireKey();
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    @Override
    public String open(String sealed, String boundTo) {
        requireKey();
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("a sealed secret of an unknown form");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret does not open with this key (was QM_SECRETS_KEY changed?)", e);
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new IllegalStateException(unavailable);
        }
    }

    private static SecretKey keyFrom(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(source + " must be 32 bytes in base64, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Reads the machine's key, or writes a new one; two instances starting at once agree on one (a link is atomic). */
    private static String keyFile(Path dir) throws IOException {
        Path file = dir.resolve("secrets.key");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            Path draft = Files.createTempFile(dir, "secrets", ".key");
            try {
                try {
                    Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own permissions protect it
                }
                Files.writeString(draft, Base64.getEncoder().encodeToString(bytes));
                Files.createLink(file, draft);
                LOG.info(() -> "Wrote a new key for webhook signing secrets to " + file);
            } catch (FileAlreadyExistsException e) {
                // another instance wrote it first: use theirs
            } finally {
                Files.deleteIfExists(draft);
            }
        }
        return Files.readString(file).trim();
    }
}
