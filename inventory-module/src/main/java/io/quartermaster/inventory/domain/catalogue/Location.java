package io.quartermaster.inventory.domain.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A place that holds stock: a store, a warehouse. {@code MAIN} exists from the first start. */
@Entity
@Table(name = "location", schema = "inventory")
public class Location {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Location() {
    }

    public Location(String code, String name, Instant at) {
        this.code = code;
        this.name = name.strip();
        this.createdAt = at;
    }

    public void rename(String name) {
        this.name = name.strip();
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }
}
