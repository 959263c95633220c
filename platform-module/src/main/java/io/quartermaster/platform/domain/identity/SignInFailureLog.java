package io.quartermaster.platform.domain.identity;

/**
 * The sign-in throttle's memory of wrong passwords, shared by every instance ({@link SignInThrottle}
 * decides; this remembers). The infrastructure's {@code SignInFailures} keeps it in PostgreSQL.
 */
public interface SignInFailureLog {

    /** Whether the username is blocked now. */
    boolean blocked(String username);

    /** A wrong password (or an unknown username). */
    void failed(String username);

    /** A right password or a new one set by an administrator: the count starts again. */
    void cleared(String username);
}
