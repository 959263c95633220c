package io.quartermaster.orders.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class PaymentRequest {

    @NotBlank
    @Size(max = 200)
    public String token;

    public PaymentRequest() {
    }

    public PaymentRequest(String token) {
        this.token = token;
    }
}
