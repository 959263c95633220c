package io.quartermaster.orders.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** One cart line in a request: a SKU and a positive quantity. */
public class LineRequest {

    @NotBlank
    public String sku;

    @NotNull
    @Positive
    @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
    public Integer quantity;

    public LineRequest() {
    }

    public LineRequest(String sku, int quantity) {
        this.sku = sku;
        this.quantity = quantity;
    }
}
