package io.quartermaster.erp.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** When to reorder a SKU at a location, how much, and from whom. */
public class PutReplenishment {

    @NotNull
    @PositiveOrZero
    @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
    public Integer reorderPoint;

    @NotNull
    @PositiveOrZero
    @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
    public Integer maxLevel;

    @NotBlank
    public String vendor;

    @Positive
    @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
    public Integer packSize;

    @Positive
    @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
    public Integer minOrderQuantity;

    @Digits(integer = 13, fraction = 4, message = "at most 13 digits before the point and 4 after")
    @DecimalMin(value = "0", message = "must be zero or more")
    public BigDecimal unitCost;

    /** true (default): automatic POs are issued at once; false: they wait as DRAFT for a person. */
    public Boolean issueAutomatically;

    public PutReplenishment() {
    }

    public PutReplenishment(int reorderPoint, int maxLevel, String vendor, Integer packSize, Integer minOrderQuantity,
                            BigDecimal unitCost, Boolean issueAutomatically) {
        this.reorderPoint = reorderPoint;
        this.maxLevel = maxLevel;
        this.vendor = vendor;
        this.packSize = packSize;
        this.minOrderQuantity = minOrderQuantity;
        this.unitCost = unitCost;
        this.issueAutomatically = issueAutomatically;
    }
}
