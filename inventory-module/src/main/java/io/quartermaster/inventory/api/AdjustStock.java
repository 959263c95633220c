package io.quartermaster.inventory.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Add or remove units for a reason (damage, theft, found); never below what is reserved. */
public class AdjustStock {

    @NotBlank
    public String sku;

    @NotBlank
    public String location;

    @NotNull
    @Min(value = -io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at least -1,000,000,000")
    @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
    public Integer quantityDelta;

    @NotBlank
    @Size(max = 500)
    public String reason;

    public AdjustStock() {
    }

    public AdjustStock(String sku, String location, int quantityDelta, String reason) {
        this.sku = sku;
        this.location = location;
        this.quantityDelta = quantityDelta;
        this.reason = reason;
    }
}
