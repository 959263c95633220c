package io.quartermaster.orders.domain.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A one-time code that pairs a device with a register: eight characters of Crockford's base 32
 * (no I, L, O or U to misread), shown as {@code ABCD-EFGH}, 40 random bits. Typed back, case,
 * dashes and spaces do not matter, and O, I and L are read as 0, 1 and 1. Only its hash is stored.
 */
public final class PairingCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PairingCode() {
    }

    /** A new code, as shown: {@code ABCD-EFGH}. */
    public static String generate() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, in its one canonical form; null when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != 8 || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return null;
        }
        return code;
    }

    /** What is stored of a canonical code. */
    public static String hash(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
