package io.quartermaster.orders.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** {@code POST /registers/{code}/close}: the last sale number the register used (0 when it sold nothing). */
public class CloseRegister {

    @NotNull
    @PositiveOrZero
    @Max(value = 1_000_000_000_000L, message = "must be at most 1,000,000,000,000")
    public Long lastSeq;

    public CloseRegister() {
    }

    public CloseRegister(long lastSeq) {
        this.lastSeq = lastSeq;
    }
}
