package io.quartermaster.inventory.infrastructure;

import io.quartermaster.platform.api.ModuleSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** The inventory module owns the database schema {@code inventory}; its migrations are in {@code db/migration/inventory}. */
@ApplicationScoped
public class InventorySchema implements ModuleSchema {

    @Override
    public String schema() {
        return "inventory";
    }

    @Override
    public int order() {
        return 10;
    }
}
