package io.quartermaster.platform.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock abstraction: code asks for a {@link Clock} by injection instead of calling
 * {@code Instant.now()}, so that time-dependent rules (hold expiry, periods) can be tested
 * with a fixed or offset clock.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
