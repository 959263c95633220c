package io.quartermaster.platform.infrastructure.migration;

import io.quartermaster.platform.api.ModuleSchema;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PlatformSchema implements ModuleSchema {

    @Override
    public String schema() {
        return "platform";
    }

    @Override
    public int order() {
        return 0;
    }
}
