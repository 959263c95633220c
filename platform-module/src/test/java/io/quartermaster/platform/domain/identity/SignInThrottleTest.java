package io.quartermaster.platform.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void fiveWrongPasswordsBlockTheUsernameForTheRestOfTheWindow() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("sam", T0.plusSeconds(i));
        }
        assertThat(throttle.blocked("sam", T0.plusSeconds(10))).isFalse();
        throttle.failed("SAM ", T0.plusSeconds(10));
        assertThat(throttle.blocked("sam", T0.plusSeconds(11))).isTrue();
        assertThat(throttle.blocked("alex", T0.plusSeconds(11))).isFalse();
        // Blocked while five failures lie within the window: until the first of them leaves it.
        assertThat(throttle.blocked("sam", T0.plus(SignInThrottle.WINDOW).minusSeconds(1))).isTrue();
        assertThat(throttle.blocked("sam", T0.plus(SignInThrottle.WINDOW).plusSeconds(1))).isFalse();
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverBlockAndSuccessClearsTheCount() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < 20; i++) {
            throttle.failed("sam", T0.plus(Duration.ofMinutes(4L * i)));
            assertThat(throttle.blocked("sam", T0.plus(Duration.ofMinutes(4L * i)))).isFalse();
        }
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("kim", T0);
        }
        throttle.succeeded("kim");
        throttle.failed("kim", T0);
        assertThat(throttle.blocked("kim", T0)).isFalse();
    }
}
