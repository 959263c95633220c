package io.quartermaster.platform.api.messaging;

import java.util.Optional;

/** Whether the message broker can be reached right now, for readiness checks. */
public interface BrokerStatus {

    /** Empty when a connection succeeds within seconds; otherwise why it did not. */
    Optional<String> problem();
}
