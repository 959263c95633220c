package io.quartermaster.orders.domain.payment;

import io.quartermaster.platform.api.Money;

/**
 * The port to whoever takes the money. Called only outside database transactions. A capture
 * is idempotent per {@code reference} (the checkout id): asking again after a timeout returns
 * the same capture instead of charging twice — real gateways offer the same through their
 * idempotency keys.
 */
public interface PaymentGateway {

    CaptureResult capture(String reference, String token, Money amount);

    void refund(String captureRef, Money amount, String reference);

    /** The capture made for {@code reference}, if any: how a payment interrupted by a crash is found again. */
    java.util.Optional<String> findCapture(String reference);

    sealed interface CaptureResult permits Captured, Declined {
    }

    record Captured(String captureRef) implements CaptureResult {
    }

    record Declined(String reason) implements CaptureResult {
    }
}
