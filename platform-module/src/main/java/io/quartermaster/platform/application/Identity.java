package io.quartermaster.platform.application;

import io.quartermaster.platform.api.identity.ApiClientView;
import io.quartermaster.platform.api.identity.Caller;
import io.quartermaster.platform.api.identity.ChangeUser;
import io.quartermaster.platform.api.identity.IdentityFacade;
import io.quartermaster.platform.api.identity.IssuedApiClient;
import io.quartermaster.platform.api.identity.NewApiClient;
import io.quartermaster.platform.api.identity.NewUser;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.identity.UserView;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.domain.identity.ApiClient;
import io.quartermaster.platform.domain.identity.ApiKeys;
import io.quartermaster.platform.domain.identity.Passwords;
import io.quartermaster.platform.domain.identity.SignInFailureLog;
import io.quartermaster.platform.domain.identity.SignInThrottle;
import io.quartermaster.platform.domain.identity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

@ApplicationScoped
public class Identity implements IdentityFacade {

    private static final Logger LOG = Logger.getLogger(Identity.class.getName());
    /** How long a verified Basic credential is trusted without re-running PBKDF2. */
    private static final long CACHE_MILLIS = 60_000;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * PBKDF2 is slow by design (~0.1 s); an API client using Basic auth on every call would
     * pay it each time. A verified credential is remembered for a minute, keyed by a SHA-256
     * of username and password, never the password itself.
     */
    private final ConcurrentHashMap<String, CachedCaller> verified = new ConcurrentHashMap<>();

    private record CachedCaller(Caller caller, long until) {
    }

    /** How long an API key, once found active, is trusted without reading its client again. */
    static final long API_KEY_CACHE_MILLIS = 5_000;

    /**
     * Every API call presents its key; reading the client on each one was a query per request.
     * An active key is remembered for {@link #API_KEY_CACHE_MILLIS}, keyed by its SHA-256 (the
     * key itself is never kept): a revoke applies at once on the instance that made it and
     * within 5 s on every other.
     */
    private final ConcurrentHashMap<String, CachedCaller> apiKeys = new ConcurrentHashMap<>();

    @Inject
    SignInFailureLog throttle;

    /**
     * What an unknown username's sign-in is checked against, so that it costs the same PBKDF2
     * work as a known one's: without it an unknown name answered in ~2 ms and a known one in
     * ~230 ms, and usernames could be told apart by timing.
     */
    private static final String NO_SUCH_USER_HASH = Passwords.hash(java.util.UUID.randomUUID().toString());

    @Override
    public Optional<Caller> authenticateUser(String username, String password) {
        if (username == null || password == null || username.indexOf('\u0000') >= 0) {
            return Optional.empty(); // no user has a NUL in the name, and PostgreSQL cannot even look for one
        }
        // The throttle first, the cache after: blocked means blocked, even for a password verified a minute ago.
        if (throttle.blocked(username)) {
            LOG.warning(() -> "Sign-in for '" + username + "' refused without checking: " + SignInThrottle.MAX_FAILURES
                    + " wrong passwords within " + SignInThrottle.WINDOW.toMinutes() + " minutes");
            return Optional.empty();
        }
        String cacheKey = ApiKeys.hash(username + "\u0000" + password);
        CachedCaller cached = verified.get(cacheKey);
        long now = System.currentTimeMillis();
        if (cached != null && cached.until() > now) {
            return Optional.of(cached.caller());
        }
        User user = em.find(User.class, username);
        boolean right = Passwords.matches(password, user == null ? NO_SUCH_USER_HASH : user.passwordHash());
        if (user == null || !user.active() || !right) {
            throttle.failed(username);
            return Optional.empty();
        }
        throttle.cleared(username);
        Caller caller = Caller.user(user.username(), user.roles());
        if (verified.size() > 10_000) {
            verified.clear();
        }
        verified.put(cacheKey, new CachedCaller(caller, now + CACHE_MILLIS));
        return Optional.of(caller);
    }

    @Override
    public Optional<Caller> authenticateApiKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(key);
        long now = System.currentTimeMillis();
        CachedCaller cached = apiKeys.get(hash);
        if (cached != null && cached.until() > now) {
            return Optional.of(cached.caller());
        }
        Optional<Caller> caller = em.createQuery("select c from ApiClient c where c.keyHash = :hash", ApiClient.class)
                .setParameter("hash", hash)
                .getResultStream()
                .filter(ApiClient::active)
                .findFirst()
                .map(ApiClient::caller);
        // Only keys that work are remembered: unknown keys cannot fill the cache.
        caller.ifPresent(c -> {
            if (apiKeys.size() > 10_000) {
                apiKeys.clear();
            }
            apiKeys.put(hash, new CachedCaller(c, now + API_KEY_CACHE_MILLIS));
        });
        return caller;
    }

    @Override
    @Transactional
    public UserView createUser(NewUser request, String actor) {
        if (request.roles.contains(Role.CHANNEL)) {
            throw ProblemException.invalidField("roles", "CHANNEL is a role for API clients, not users");
        }
        if (em.find(User.class, request.username) != null) {
            throw ProblemException.conflict("user '" + request.username + "' already exists");
        }
        User user = new User(request.username, Passwords.hash(request.password), request.roles,
                clock.instant(), actor);
        em.persist(user);
        LOG.info(() -> actor + " created user " + request.username + " with roles " + request.roles);
        return user.view();
    }

    /**
     * Creates the first administrator unless one exists. Safe when several instances start
     * at once: the insert that loses the race changes nothing and reports false.
     */
    @Transactional
    public boolean createFirstAdmin(String password) {
        int inserted = em.createNativeQuery("insert into platform.app_user (username, password_hash, created_by) "
                        + "values ('admin', ?1, 'first start') on conflict do nothing")
                .setParameter(1, Passwords.hash(password))
                .executeUpdate();
        if (inserted == 1) {
            em.createNativeQuery("insert into platform.app_user_role (username, role) values ('admin', 'ADMIN')")
                    .executeUpdate();
        }
        return inserted == 1;
    }

    @Override
    @Transactional
    public UserView changeUser(String username, ChangeUser change, String actor) {
        if (change.roles.contains(Role.CHANNEL)) {
            throw ProblemException.invalidField("roles", "CHANNEL is a role for API clients, not users");
        }
        // The user and every active administrator are locked, in username order, so two admins
        // demoting each other at once can neither both succeed (and leave nobody to manage users)
        // nor deadlock.
        List<User> locked = em.createQuery("select u from User u where u.username = :username "
                        + "or (u.disabledAt is null and :admin member of u.roles) order by u.username", User.class)
                .setParameter("username", username).setParameter("admin", Role.ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        User user = locked.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("no user '" + username + "'"));
        long otherActiveAdmins = locked.stream()
                .filter(u -> u != user && u.active() && u.roles().contains(Role.ADMIN)).count();
        boolean staysAdmin = change.active && change.roles.contains(Role.ADMIN);
        if (!staysAdmin && otherActiveAdmins == 0) {
            throw ProblemException.conflict("'" + username + "' is the last active administrator; "
                    + "make someone else ADMIN first");
        }
        user.change(change.roles, change.active, clock.instant());
        if (change.password != null) {
            user.newPassword(Passwords.hash(change.password));
            throttle.cleared(username);
        }
        verified.clear();
        LOG.info(() -> actor + " changed user " + username + ": roles " + change.roles
                + (change.active ? "" : ", disabled") + (change.password == null ? "" : ", new password"));
        return user.view();
    }

    @Override
    public Optional<Caller> activeUser(String username) {
        return Optional.ofNullable(em.find(User.class, username)).filter(User::active)
                .map(u -> Caller.user(u.username(), u.roles()));
    }

    @Override
    public List<UserView> users() {
        return em.createQuery("select u from User u order by u.username", User.class)
                .getResultStream().map(User::view).toList();
    }

    @Override
    @Transactional
    public IssuedApiClient createApiClient(NewApiClient request, String actor) {
        if (!request.role.forApiClients()) {
            throw ProblemException.invalidField("role", "must be CHANNEL, STAFF or ACCOUNTANT");
        }
        if (request.role == Role.CHANNEL && request.channel == null) {
            throw ProblemException.invalidField("channel", "required for a CHANNEL client");
        }
        if (request.role != Role.CHANNEL && request.channel != null) {
            throw ProblemException.invalidField("channel", "only a CHANNEL client is bound to a channel");
        }
        String key = ApiKeys.generate();
        ApiClient client = new ApiClient(UUID.randomUUID(), request.name.strip(), request.role, request.channel,
                ApiKeys.displayPrefix(key), ApiKeys.hash(key), clock.instant(), actor);
        em.persist(client);
        LOG.info(() -> actor + " created API client '" + request.name + "' (" + request.role
                + (request.channel == null ? "" : ", " + request.channel) + ")");
        return new IssuedApiClient(client.view().id(), client.view().name(), request.role, request.channel, key);
    }

    @Override
    public List<ApiClientView> apiClients() {
        return em.createQuery("select c from ApiClient c order by c.createdAt", ApiClient.class)
                .getResultStream().map(ApiClient::view).toList();
    }

    @Override
    @Transactional
    public boolean revokeApiClient(UUID id, String actor) {
        ApiClient client = em.find(ApiClient.class, id);
        if (client == null) {
            return false;
        }
        client.revoke(clock.instant());
        apiKeys.values().removeIf(c -> c.caller().clientId().filter(id::equals).isPresent());
        LOG.info(() -> actor + " revoked API client " + id);
        return true;
    }


    /** Guesses of one-time codes count under their own key space, never a username's ("code@" cannot be one). */
    private static String guesser(String source) {
        return "code@" + source;
    }

    @Override
    public boolean guessesBlocked(String source) {
        return throttle.blocked(guesser(source));
    }

    @Override
    public void wrongGuess(String source) {
        throttle.failed(guesser(source));
    }
}
