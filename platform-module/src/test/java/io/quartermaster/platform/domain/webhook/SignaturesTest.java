package io.quartermaster.platform.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void theHeaderIsTheHmacOfTimeAndBodyUnderEachSecret() {
        String body = "{\"eventId\":\"e\",\"type\":\"OrderPlaced\"}";
        String header = Signatures.header(List.of("whsec_new", "whsec_old"), 1700000000L, body);

        // The published example value, computed independently: HMAC-SHA256("whsec_new", "1700000000." + body).
        assertThat(header).startsWith("t=1700000000,v1=" + Signatures.hmac("whsec_new", "1700000000." + body) + ",v1=");
        assertThat(verifies(header, "whsec_new", body)).isTrue();
        assertThat(verifies(header, "whsec_old", body)).isTrue();
        assertThat(verifies(header, "whsec_other", body)).isFalse();
        assertThat(verifies(header, "whsec_new", body + " ")).isFalse();
        assertThat(verifies(header.replace("t=1700000000", "t=1700000001"), "whsec_new", body)).isFalse();
    }

    @Test
    void hmacMatchesTheRfc4231TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(Signatures.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    /** What a receiver does: one of the header's v1= values is the HMAC of its t and the body, compared in constant time. */
    private static boolean verifies(String header, String secret, String body) {
        String t = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            }
        }
        if (t == null) {
            return false;
        }
        byte[] expected = Signatures.hmac(secret, t + "." + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (String part : header.split(",")) {
            if (part.startsWith("v1=") && java.security.MessageDigest.isEqual(expected,
                    part.substring(3).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
