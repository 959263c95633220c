package io.quartermaster.web.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

@ApplicationScoped
public class ProbeSwitch {

    private final AtomicBoolean cured = new AtomicBoolean();

    public boolean cured() {
        return cured.get();
    }

    public void cure(boolean value) {
        cured.set(value);
    }
}
