package io.quartermaster.platform.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock abstraction: code asks for a {@link Clock} by injection instead of calling
 * {@code Instant.now()}, so that time-dependent rules can be tested with a fixed or offset
 * clock. Rules that several instances must agree on (hold expiry, when an event is due, how
 * long a payment has been running) use the database's clock instead
 * ({@code io.quartermaster.platform.api.tx.DatabaseClock}).
 *
 * <p>{@code qm.clock.offset-seconds} ({@code QM_CLOCK_OFFSET_SECONDS}, default 0) runs this
 * instance's clock that far ahead (or behind): the fault suite starts one instance 5 minutes
 * ahead to prove that nothing that matters depends on an instance's clock.
 */
@ApplicationScoped
public class SystemClock {

    private static final Logger LOG = Logger.getLogger(SystemClock.class.getName());

    @Inject
    @ConfigProperty(name = "qm.clock.offset-seconds", defaultValue = "0")
    long offsetSeconds;

    @Produces
    @ApplicationScoped
    Clock clock() {
        if (offsetSeconds == 0) {
            return Clock.systemUTC();
        }
        LOG.warning(() -> "This instance's clock runs " + offsetSeconds + " s off the system clock (QM_CLOCK_OFFSET_SECONDS)");
        return Clock.offset(Clock.systemUTC(), Duration.ofSeconds(offsetSeconds));
    }
}
