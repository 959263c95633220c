package io.quartermaster.inventory.domain.hold;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class HoldLine {

    @Column(name = "location_id", nullable = false)
    private long locationId;

    @Column(nullable = false)
    private String sku;

    @Column(nullable = false)
    private int quantity;

    protected HoldLine() {
    }

    public HoldLine(long locationId, String sku, int quantity) {
        this.locationId = locationId;
        this.sku = sku;
        this.quantity = quantity;
    }

    public long locationId() {
        return locationId;
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }
}
