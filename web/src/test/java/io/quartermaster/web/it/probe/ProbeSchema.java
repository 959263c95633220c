package io.quartermaster.web.it.probe;

import io.quartermaster.platform.api.ModuleSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Test deployment only: the probe's table, created by the same migration mechanism as the modules'. */
@ApplicationScoped
public class ProbeSchema implements ModuleSchema {

    @Override
    public String schema() {
        return "it_probe";
    }

    @Override
    public int order() {
        return 1000;
    }
}
