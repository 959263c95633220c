package io.quartermaster.web.health;

import io.quartermaster.platform.api.messaging.BrokerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker accepts a connection. Orders are still taken while it is away
 * (events wait in the outbox), but an instance that cannot reach it should not get new traffic
 * in preference to one that can.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    BrokerStatus broker;

    @Override
    public HealthCheckResponse call() {
        return broker.problem()
                .map(error -> HealthCheckResponse.named("broker").down().withData("error", error).build())
                .orElseGet(() -> HealthCheckResponse.named("broker").up().build());
    }
}
