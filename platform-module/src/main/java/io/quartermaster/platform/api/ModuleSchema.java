package io.quartermaster.platform.api;

/**
 * A module's database schema. Each module contributes one as a CDI bean; its Flyway
 * migrations live in {@code db/migration/<schema>} of the module's jar and are applied
 * at application start, in {@link #order()}, each with its own history table.
 */
public interface ModuleSchema {

    String schema();

    /** Lower first: a module's migrations may rely on the schemas of the modules it depends on. */
    int order();
}
