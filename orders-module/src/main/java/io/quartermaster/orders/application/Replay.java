package io.quartermaster.orders.application;

import io.quartermaster.platform.api.idempotency.IdempotencyKeys;

/** The answer to a {@link StockRequest.HoldCart} whose Idempotency-Key's first call finished: replay its answer. */
public record Replay(IdempotencyKeys.StoredAnswer answer) {
}
