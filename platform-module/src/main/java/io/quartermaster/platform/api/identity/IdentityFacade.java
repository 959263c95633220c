package io.quartermaster.platform.api.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users, API clients and authentication of both. Secrets are stored only hashed. */
public interface IdentityFacade {

    Optional<Caller> authenticateUser(String username, String password);

    Optional<Caller> authenticateApiKey(String key);

    /** @throws io.quartermaster.platform.api.problem.ProblemException 409 when the username is taken */
    UserView createUser(NewUser user, String actor);

    List<UserView> users();

    /**
     * Changes a user's roles and whether they may sign in. Refused (409) when it would leave no
     * active administrator. Takes effect at the user's next request, signed-in sessions included.
     */
    UserView changeUser(String username, ChangeUser change, String actor);

    /** The user as a caller now, if they exist and may sign in (a signed-in session is re-checked with it). */
    Optional<Caller> activeUser(String username);

    IssuedApiClient createApiClient(NewApiClient client, String actor);

    List<ApiClientView> apiClients();

    /** @return false when there is no such client */
    boolean revokeApiClient(UUID id, String actor);

    /**
     * Whether guesses of a one-time code (a register's pairing code) from {@code source} — a client
     * address — are refused now: the sign-in throttle's rule (5 wrong in 15 minutes), kept apart
     * from usernames.
     */
    boolean guessesBlocked(String source);

    /** A wrong one-time code from {@code source}. */
    void wrongGuess(String source);
}
