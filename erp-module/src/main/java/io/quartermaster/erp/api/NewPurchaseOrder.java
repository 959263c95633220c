package io.quartermaster.erp.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.List;

/** A manual purchase order; it starts as DRAFT. */
public class NewPurchaseOrder {

    @NotBlank
    public String vendor;

    @NotEmpty
    public List<@NotNull @Valid Line> lines;

    public NewPurchaseOrder() {
    }

    public NewPurchaseOrder(String vendor, List<Line> lines) {
        this.vendor = vendor;
        this.lines = lines;
    }

    public static class Line {
        @NotBlank
        public String sku;
        @NotBlank
        public String location;
        @NotNull
        @Positive
        @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
        public Integer quantity;
        @Digits(integer = 13, fraction = 4, message = "at most 13 digits before the point and 4 after")
        @DecimalMin(value = "0", message = "must be zero or more")
        public BigDecimal unitCost;

        public Line() {
        }

        public Line(String sku, String location, int quantity, BigDecimal unitCost) {
            this.sku = sku;
            this.location = location;
            this.quantity = quantity;
            this.unitCost = unitCost;
        }
    }
}
