package io.quartermaster.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class ConfirmRequest {

    @NotNull
    @Valid
    public PaymentRequest payment;

    public ConfirmRequest() {
    }

    public ConfirmRequest(PaymentRequest payment) {
        this.payment = payment;
    }
}
