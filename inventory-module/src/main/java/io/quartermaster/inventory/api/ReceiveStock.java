package io.quartermaster.inventory.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Goods received at a location, at a unit cost. */
public class ReceiveStock {

    @NotBlank
    public String sku;

    @NotBlank
    public String location;

    @NotNull
    @Positive
    @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
    public Integer quantity;

    @NotNull
    @DecimalMin(value = "0", message = "must be zero or more")
    @Digits(integer = 13, fraction = 4, message = "at most 13 digits before the point and 4 after")
    public BigDecimal unitCost;

    @Size(max = 200)
    public String reference;

    public ReceiveStock() {
    }

    public ReceiveStock(String sku, String location, int quantity, BigDecimal unitCost, String reference) {
        this.sku = sku;
        this.location = location;
        this.quantity = quantity;
        this.unitCost = unitCost;
        this.reference = reference;
    }
}
