package io.quartermaster.inventory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class PutLocation {

    @NotBlank
    @Size(max = 200)
    public String name;

    public PutLocation() {
    }

    public PutLocation(String name) {
        this.name = name;
    }
}
