package io.quartermaster.platform.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void theFirstRetryComesWithinAMinuteAndDelaysDoubleUpToAnHour() {
        assertThat(schedule.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(schedule.delayAfter(1, 0.999)).isLessThan(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(3, 0.0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.delayAfter(8, 0.0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.delayAfter(9, 0.999)).isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(schedule.delayAfter(200, 0.5)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
    }

    @Test
    void retriesCoverTheWholeDayBeforeADeliveryFails() {
        // The worst case (every delay at its shortest) still spreads enough attempts over 24 h.
        Duration total = Duration.ZERO;
        int attempts = 0;
        while (total.compareTo(Duration.ofHours(24)) < 0) {
            total = total.plus(schedule.delayAfter(++attempts, 0.0));
        }
        assertThat(attempts).isBetween(20, 60);
    }
}
