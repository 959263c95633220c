package io.quartermaster.orders.domain.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A way of selling (WEB, MOBILE, POS, …): the locations it sells from and how long its holds last. */
@Entity
@Table(name = "channel", schema = "orders")
public class SalesChannel {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "hold_ttl_seconds")
    private Integer holdTtlSeconds;

    /** Comma-separated location codes, in order of preference. */
    @Column(nullable = false)
    private String locations;

    protected SalesChannel() {
    }

    public SalesChannel(String code, String name, Integer holdTtlSeconds, List<String> locations) {
        this.code = code;
        update(name, holdTtlSeconds, locations);
    }

    public void update(String name, Integer holdTtlSeconds, List<String> locations) {
        this.name = name.strip();
        this.holdTtlSeconds = holdTtlSeconds;
        this.locations = String.join(",", locations);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Integer holdTtlSeconds() {
        return holdTtlSeconds;
    }

    public List<String> locations() {
        return Arrays.asList(locations.split(","));
    }
}
