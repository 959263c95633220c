package io.quartermaster.orders.domain.payment;

/** The gateway could not be reached or failed; nothing was captured. */
public class PaymentUnavailable extends RuntimeException {

    public PaymentUnavailable(String message) {
        super(message);
    }
}
