package io.quartermaster.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /checkouts}. The same SKU twice is merged into one line. */
public class CheckoutRequest {

    @NotEmpty(message = "at least one line")
    @Size(max = 100, message = "at most 100 lines")
    public List<@NotNull @Valid LineRequest> lines;

    @Size(max = 200)
    public String customerRef;

    public CheckoutRequest() {
    }

    public CheckoutRequest(List<LineRequest> lines, String customerRef) {
        this.lines = lines;
        this.customerRef = customerRef;
    }
}
