package io.quartermaster.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PUT /registers/{code}/allotments}: the units a register is to hold per SKU. A target
 * above what it holds asks for the difference (granted as far as stock is available); one below
 * gives the surplus back. SKUs not named keep their targets.
 */
public class AllotmentTargets {

    @NotEmpty(message = "at least one line")
    @Size(max = 500, message = "at most 500 lines")
    public List<@NotNull @Valid Target> lines;

    /** One SKU and the units the register is to hold of it. */
    public static class Target {

        @NotBlank
        public String sku;

        @NotNull
        @PositiveOrZero
        @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
        public Integer target;

        public Target() {
        }

        public Target(String sku, int target) {
            this.sku = sku;
            this.target = target;
        }
    }

    public AllotmentTargets() {
    }

    public AllotmentTargets(List<Target> lines) {
        this.lines = lines;
    }
}
