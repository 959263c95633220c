package io.quartermaster.erp.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An account for the chart; its type decides the sign of its balance. */
public class NewAccount {

    @NotBlank
    @Size(max = 200)
    public String name;

    @NotNull
    @Pattern(regexp = "ASSET|LIABILITY|EQUITY|INCOME|EXPENSE", message = "one of ASSET, LIABILITY, EQUITY, INCOME, EXPENSE")
    public String type;

    public NewAccount() {
    }

    public NewAccount(String name, String type) {
        this.name = name;
        this.type = type;
    }
}
