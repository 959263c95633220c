package io.quartermaster.orders.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /admin/registers}: a register bound to one location. A class for Payara's OpenAPI (see the README). */
public class NewRegister {

    @NotNull
    @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "1 to 32 upper-case letters, digits, - or _, e.g. STORE1-T2")
    public String code;

    @NotBlank
    @Size(max = 200)
    public String name;

    @NotBlank
    public String location;

    /** How long the register may sell offline since its last contact with the server; 24 when left out. */
    @Min(value = 1, message = "must be from 1 to 168 (a week)")
    @Max(value = 168, message = "must be from 1 to 168 (a week)")
    public Integer offlineHours;

    public NewRegister() {
    }

    public NewRegister(String code, String name, String location, Integer offlineHours) {
        this.code = code;
        this.name = name;
        this.location = location;
        this.offlineHours = offlineHours;
    }
}
