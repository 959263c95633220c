package io.quartermaster.erp.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

public class PutVendor {

    @NotBlank
    @Size(max = 200)
    public String name;

    @Email
    public String email;

    @PositiveOrZero
    @Max(365)
    public Integer leadTimeDays;

    public PutVendor() {
    }

    public PutVendor(String name, String email, Integer leadTimeDays) {
        this.name = name;
        this.email = email;
        this.leadTimeDays = leadTimeDays;
    }
}
