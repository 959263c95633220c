package io.quartermaster.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /orders}: hold, pay and confirm in one call (a POS sale). */
public class OrderRequest {

    @NotEmpty(message = "at least one line")
    @Size(max = 100, message = "at most 100 lines")
    public List<@NotNull @Valid LineRequest> lines;

    @NotNull
    @Valid
    public PaymentRequest payment;

    @Size(max = 200)
    public String customerRef;

    public OrderRequest() {
    }

    public OrderRequest(List<LineRequest> lines, PaymentRequest payment, String customerRef) {
        this.lines = lines;
        this.payment = payment;
        this.customerRef = customerRef;
    }
}
