package io.quartermaster.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

public class ReturnRequest {

    @NotEmpty(message = "at least one line")
    public List<@NotNull @Valid LineRequest> lines;

    public ReturnRequest() {
    }

    public ReturnRequest(List<LineRequest> lines) {
        this.lines = lines;
    }
}
