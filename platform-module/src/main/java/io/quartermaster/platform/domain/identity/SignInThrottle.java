package io.quartermaster.platform.domain.identity;

import java.time.Duration;
import java.util.Locale;

/**
 * The rule that stops password guessing: after {@link #MAX_FAILURES} wrong passwords for one
 * username within {@link #WINDOW}, further attempts for that username are refused without looking
 * at the password — and without looking at any cache of recently verified passwords — for as long
 * as five failures lie within the last {@link #WINDOW} (blocked attempts do not count, so the
 * block ends at most one window after the fifth failure). A right password, or an administrator's
 * new one, clears the count. The failures are kept in the database
 * ({@code infrastructure.SignInFailures}), so N instances allow five guesses, not 5·N.
 */
public final class SignInThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private SignInThrottle() {
    }

    public static boolean blocks(long failuresWithinWindow) {
        return failuresWithinWindow >= MAX_FAILURES;
    }

    /** One count per person however the name is typed: "Sam " and "sam" are one username here. */
    public static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
