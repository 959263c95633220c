package io.quartermaster.orders.domain.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairingCodeTest {

    @Test
    void aCodeIsEightUnambiguousCharactersShownInTwoGroups() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = PairingCode.generate();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            seen.add(code);
        }
        assertThat(seen).as("random").hasSizeGreaterThan(990);
    }

    @Test
    void aCodeTypedBackInAnyCaseWithOrWithoutTheDashIsTheSameCode() {
        assertThat(PairingCode.normalise("abcd-ef12")).isEqualTo("ABCDEF12");
        assertThat(PairingCode.normalise(" AbCd EF12 ")).isEqualTo("ABCDEF12");
        assertThat(PairingCode.normalise("O0IL-1234")).as("O, I, L misread as 0, 1, 1").isEqualTo("00111234");
        assertThat(PairingCode.hash(PairingCode.normalise("abcd-ef12"))).isEqualTo(PairingCode.hash("ABCDEF12"));
    }

    @Test
    void whatCannotBeACodeIsNone() {
        assertThat(PairingCode.normalise(null)).isNull();
        assertThat(PairingCode.normalise("ABCD-EF1")).isNull();
        assertThat(PairingCode.normalise("ABCD-EF12-3")).isNull();
        assertThat(PairingCode.normalise("ABCD-EFU2")).as("U is not in the alphabet").isNull();
        assertThat(PairingCode.normalise("' or 1=1")).isNull();
    }
}
