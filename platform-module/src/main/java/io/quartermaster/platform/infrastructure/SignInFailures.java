package io.quartermaster.platform.infrastructure;

import io.quartermaster.platform.domain.identity.SignInFailureLog;
import io.quartermaster.platform.domain.identity.SignInThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The sign-in throttle's memory, in {@code platform.sign_in_failure}: one row per wrong password,
 * timed by the database's clock, so every instance counts the same failures. Each method is its
 * own short transaction when called outside one (a sign-in is); an administrator's new
 * password clears the count in the change's own transaction.
 */
@ApplicationScoped
public class SignInFailures implements SignInFailureLog {

    private static final String WINDOW = "interval '" + SignInThrottle.WINDOW.toSeconds() + " seconds'";

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    /** Whether the username is blocked now. */
    @Override
    @Transactional
    public boolean blocked(String username) {
        Number recent = (Number) em.createNativeQuery("select count(*) from platform.sign_in_failure "
                        + "where username_key = ?1 and failed_at > now() - " + WINDOW)
                .setParameter(1, SignInThrottle.key(username))
                .getSingleResult();
        return SignInThrottle.blocks(recent.longValue());
    }

    /** A wrong password (or an unknown username); the username's rows older than the window go. */
    @Override
    @Transactional
    public void failed(String username) {
        String key = SignInThrottle.key(username);
        em.createNativeQuery("delete from platform.sign_in_failure where username_key = ?1 and failed_at <= now() - " + WINDOW)
                .setParameter(1, key).executeUpdate();
        em.createNativeQuery("insert into platform.sign_in_failure (username_key) values (?1)")
                .setParameter(1, key).executeUpdate();
    }

    /** A right password or a new one set by an administrator: the count starts again. */
    @Override
    @Transactional
    public void cleared(String username) {
        em.createNativeQuery("delete from platform.sign_in_failure where username_key = ?1")
                .setParameter(1, SignInThrottle.key(username)).executeUpdate();
    }

    /** Rows past the window for every username (the hourly housekeeping). */
    @Transactional
    public int purge() {
        return em.createNativeQuery("delete from platform.sign_in_failure where failed_at <= now() - " + WINDOW).executeUpdate();
    }
}
