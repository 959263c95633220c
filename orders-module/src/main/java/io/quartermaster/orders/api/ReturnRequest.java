package io.quartermaster.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

public class ReturnRequest {

    @NotEmpty(message = "at least one line")
    public List<@NotNull @Valid LineRequest> lines;

    /** Why the units came back (damaged, wrong size, …), kept in the order's history; optional. */
    @Size(max = 500, message = "at most 500 characters")
    public String reason;

    public ReturnRequest() {
    }

    public ReturnRequest(List<LineRequest> lines) {
        this.lines = lines;
    }

    public ReturnRequest(List<LineRequest> lines, String reason) {
        this.lines = lines;
        this.reason = reason;
    }
}
