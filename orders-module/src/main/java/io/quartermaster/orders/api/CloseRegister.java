package io.quartermaster.orders.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code POST /registers/{code}/close}: the last sale number the register used (0 when it sold
 * nothing); or, by staff, {@code lost: true} for a register gone with sales it may never send.
 */
public class CloseRegister {

    @PositiveOrZero
    @Max(value = 1_000_000_000_000L, message = "must be at most 1,000,000,000,000")
    public Long lastSeq;

    /** Staff only: the register is gone; what it holds waits for a count of its location. */
    public Boolean lost;

    public CloseRegister() {
    }

    public CloseRegister(long lastSeq) {
        this.lastSeq = lastSeq;
    }
}
