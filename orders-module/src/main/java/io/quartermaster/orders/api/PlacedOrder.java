package io.quartermaster.orders.api;

import io.quartermaster.platform.api.idempotency.IdempotencyKeys;

/**
 * What a one-shot order with an Idempotency-Key answers: the order with its JSON exactly as
 * stored for replay (so it is written once), or — when the key's first call finished
 * already — that call's stored answer, to replay as it is.
 */
public record PlacedOrder(OrderView order, String json, IdempotencyKeys.StoredAnswer replay) {
}
