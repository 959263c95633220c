package io.quartermaster.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quartermaster.platform.api.problem.FieldError;
import io.quartermaster.platform.api.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyValidationTest {

    private static final String LONG = "1" + "0".repeat(2000);

    @SuppressWarnings("unchecked")
    private static List<FieldError> refusal(String body) {
        try {
            BodyValidation.single(body.getBytes(StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(400);
            return (List<FieldError>) e.extensions().get("errors");
        }
        throw new AssertionError("not refused: " + body.substring(0, Math.min(80, body.length())));
    }

    @Test
    void aNumberTooLongForTheParserIsRefusedNamingItsFieldAndTheLimit() {
        assertThat(refusal("{\"sku\":\"A\",\"quantity\":" + LONG + "}"))
                .containsExactly(new FieldError("quantity", "must be a number of at most 100 characters; this one has 2001"));
        assertThat(refusal("{\"lines\":[{\"sku\":\"A\",\"quantity\":1},{\"sku\":\"B\",\"unitCost\":-0." + "0".repeat(1500) + "1}]}"))
                .extracting(FieldError::field).containsExactly("lines[1].unitCost");
        assertThat(refusal("[1, [2, " + LONG + "]]")).extracting(FieldError::field).containsExactly("[1][1]");
        assertThat(refusal(LONG)).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void everyLongNumberIsNamedAndShorterOnesAreLeftToTheShapeRules() {
        assertThat(refusal("{\"a\":" + LONG + ",\"b\":{\"c\":" + LONG + "},\"d\":1e1000000}"))
                .extracting(FieldError::field).containsExactly("a", "b.c");
        assertThat(BodyValidation.single(("{\"n\":" + "9".repeat(100) + ",\"e\":1e1000000}").getBytes(StandardCharsets.UTF_8)))
                .isNotNull();
    }

    @Test
    void malformedJsonIsStillReportedAsMalformed() {
        assertThatThrownBy(() -> BodyValidation.single(("{\"a\":" + LONG + ",").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("not well-formed"));
    }
}
