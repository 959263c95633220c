package io.quartermaster.erp.api;

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
    public Integer reorderPoint;

    @NotNull
    @PositiveOrZero
    public Integer maxLevel;

    @NotBlank
    public String vendor;

    @Positive
    public Integer packSize;

    @Positive
    public Integer minOrderQuantity;

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
