package io.quartermaster.platform.api.webhook;

import java.util.List;

/** A page of deliveries, newest first; the same shape as every paged list of the API. */
public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
}
