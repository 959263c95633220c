package io.quartermaster.inventory.api;

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
