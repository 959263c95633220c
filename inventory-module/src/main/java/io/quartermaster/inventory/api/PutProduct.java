package io.quartermaster.inventory.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Create or update a product. A class rather than a record because of Payara's OpenAPI bug
 * with Bean Validation on record components (see the README).
 */
public class PutProduct {

    @NotBlank
    @Size(max = 200)
    public String name;

    @NotNull
    @DecimalMin(value = "0.00", message = "must be zero or more")
    @Digits(integer = 10, fraction = 2, message = "at most 2 decimals")
    public BigDecimal price;

    @DecimalMin(value = "0", message = "must be zero or more")
    @DecimalMax(value = "0.9999", message = "must be a fraction below 1, e.g. 0.20 for 20 %")
    @Digits(integer = 1, fraction = 4, message = "at most 4 decimals, e.g. 0.0825 for 8.25 %")
    public BigDecimal taxRate;

    public Boolean active;

    public PutProduct() {
    }

    public PutProduct(String name, BigDecimal price, BigDecimal taxRate) {
        this.name = name;
        this.price = price;
        this.taxRate = taxRate;
    }
}
