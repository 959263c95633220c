package io.quartermaster.platform.api.webhook;

/** Where one event's delivery to one subscription stands. */
public enum DeliveryStatus {
    /** Not yet answered with a 2xx: waiting for its first attempt or its next retry. */
    PENDING,
    /** The receiver answered 2xx within the timeout. */
    DELIVERED,
    /** Retried for the whole retry window without a 2xx; tried again only when redelivered. */
    FAILED
}
