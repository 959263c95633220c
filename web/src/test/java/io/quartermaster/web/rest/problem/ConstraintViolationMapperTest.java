package io.quartermaster.web.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstraintViolationMapperTest {

    public static class Line {
        @NotBlank
        public String sku;
        @Positive
        public int quantity;

        Line(String sku, int quantity) {
            this.sku = sku;
            this.quantity = quantity;
        }
    }

    public static class Cart {
        @NotNull
        public String token;
        public List<@Valid Line> lines;
    }

    @Test
    void namesFieldsAsTheyAreWrittenInTheJsonBody() {
        Validator validator = Validation.byDefaultProvider()
                .configure().messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        Cart cart = new Cart();
        cart.lines = List.of(new Line("A", 1), new Line("", 0));
        Set<ConstraintViolation<Cart>> violations = validator.validate(cart);
        assertThat(violations.stream().map(ConstraintViolationMapper::field))
                .containsExactlyInAnyOrder("token", "lines[1].sku", "lines[1].quantity");
    }
}
