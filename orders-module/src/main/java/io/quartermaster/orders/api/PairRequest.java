package io.quartermaster.orders.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /registers/pair}: the one-time code the Registers page shows (e.g. {@code ABCD-EFGH}). */
public class PairRequest {

    @NotBlank
    @Size(max = 20)
    public String pairingCode;

    public PairRequest() {
    }

    public PairRequest(String pairingCode) {
        this.pairingCode = pairingCode;
    }
}
