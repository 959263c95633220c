package io.quartermaster.platform.domain.webhook;

import java.security.SecureRandom;

/**
 * Where webhook signing secrets are kept: sealed (encrypted and bound to their subscription) so the
 * database never holds one in the clear. The infrastructure's {@code SecretBox} seals with AES-GCM.
 */
public interface WebhookSecrets {

    /** Null when secrets can be sealed; otherwise what the operator must do. */
    String unavailable();

    /** The secret sealed and bound to {@code boundTo} (the subscription id): it opens for that id only. */
    String seal(String secret, String boundTo);

    String open(String sealed, String boundTo);

    /** A new secret: 32 random bytes as lower-case hex, safe in a shell, a URL, a config file and a log grep alike. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        Entropy.SOURCE.nextBytes(bytes);
        return "whsec_" + java.util.HexFormat.of().formatHex(bytes);
    }

    /** The one random source for new secrets. */
    final class Entropy {
        private static final SecureRandom SOURCE = new SecureRandom();

        private Entropy() {
        }
    }
}
