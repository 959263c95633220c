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

    IssuedApiClient createApiClient(NewApiClient client, String actor);

    List<ApiClientView> apiClients();

    /** @return false when there is no such client */
    boolean revokeApiClient(UUID id, String actor);
}
