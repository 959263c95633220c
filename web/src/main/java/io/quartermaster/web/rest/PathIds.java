package io.quartermaster.web.rest;

import io.quartermaster.erp.api.PurchaseOrderId;
import io.quartermaster.orders.api.CheckoutId;
import io.quartermaster.orders.api.OrderId;
import io.quartermaster.platform.api.problem.ProblemException;
import java.util.UUID;

/** Ids in URL paths: one that is not even a UUID names nothing, so it is a 404 like an unknown one. */
public final class PathIds {

    private PathIds() {
    }

    /** The id, or a 404 "no {@code what} {@code id}". */
    public static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no " + what + " " + id);
        }
    }

    public static OrderId orderId(String id) {
        return new OrderId(uuid(id, "order"));
    }

    public static CheckoutId checkoutId(String id) {
        return new CheckoutId(uuid(id, "checkout"));
    }

    public static PurchaseOrderId purchaseOrderId(String id) {
        return new PurchaseOrderId(uuid(id, "purchase order"));
    }
}
