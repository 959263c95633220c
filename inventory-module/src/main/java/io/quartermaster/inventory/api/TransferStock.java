package io.quartermaster.inventory.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

public class TransferStock {

    @NotBlank
    public String sku;

    @NotBlank
    public String fromLocation;

    @NotBlank
    public String toLocation;

    @NotNull
    @Positive
    @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
    public Integer quantity;

    public TransferStock() {
    }

    public TransferStock(String sku, String fromLocation, String toLocation, int quantity) {
        this.sku = sku;
        this.fromLocation = fromLocation;
        this.toLocation = toLocation;
        this.quantity = quantity;
    }
}
