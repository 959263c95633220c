package io.quartermaster.web.it.probe;

import io.quartermaster.platform.api.event.DomainEvent;

/** Test deployment only: an event whose note decides what the probe consumer does with it. */
public record ProbePinged(String note) implements DomainEvent {
}
