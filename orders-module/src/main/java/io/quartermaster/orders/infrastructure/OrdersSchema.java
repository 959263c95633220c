package io.quartermaster.orders.infrastructure;

import io.quartermaster.platform.api.ModuleSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** The orders module owns the database schema {@code orders}; its migrations are in {@code db/migration/orders}. */
@ApplicationScoped
public class OrdersSchema implements ModuleSchema {

    @Override
    public String schema() {
        return "orders";
    }

    @Override
    public int order() {
        return 20;
    }
}
