package io.quartermaster.inventory.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A physical count: on hand becomes the counted quantity through a correction movement. */
public class CountStock {

    @NotBlank
    public String sku;

    @NotBlank
    public String location;

    @NotNull
    @PositiveOrZero
    @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
    public Integer countedQuantity;

    @Size(max = 500)
    public String reason;

    public CountStock() {
    }

    public CountStock(String sku, String location, int countedQuantity, String reason) {
        this.sku = sku;
        this.location = location;
        this.countedQuantity = countedQuantity;
        this.reason = reason;
    }
}
