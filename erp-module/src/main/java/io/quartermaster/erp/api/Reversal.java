package io.quartermaster.erp.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an entry is reversed; the reason is kept with the reversing entry. */
public class Reversal {

    @NotBlank
    @Size(max = 500)
    public String reason;

    public Reversal() {
    }

    public Reversal(String reason) {
        this.reason = reason;
    }
}
