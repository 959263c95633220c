package io.quartermaster.erp.infrastructure;

import io.quartermaster.platform.api.ModuleSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** The erp module owns the database schema {@code erp}; its migrations are in {@code db/migration/erp}. */
@ApplicationScoped
public class ErpSchema implements ModuleSchema {

    @Override
    public String schema() {
        return "erp";
    }

    @Override
    public int order() {
        return 30;
    }
}
